package io.jpod.runtime.sys;

/** What a finished helper left behind. */
public record ExecResult(int exitCode, String stdout, String stderr) {

    public boolean ok() {
        return exitCode == 0;
    }

    /** The most useful one-line description of a failure: stderr, else stdout. */
    public String errorText() {
        String text = stderr.isBlank() ? stdout : stderr;
        return text.strip();
    }
}
