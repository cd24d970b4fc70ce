package io.jpod.model.yaml;

/** Where readers report what they find wrong; errors stop the run, warnings do not. */
public interface Issues {
    void error(Mark at, String path, String message);

    void warn(Mark at, String path, String message);
}
