package io.jpod.model;

/**
 * One thing wrong with the manifests, pointing at where it is written. Line and column are 1-based,
 * 0 when unknown.
 */
public record Problem(String file, int line, int column, String fieldPath, String message) {
    /** {@code web.yaml:14:7: spec.containers[1].image: required}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file == null ? "" : file);
        if (line > 0) {
            s.append(':').append(line).append(':').append(column);
        }
        if (!s.isEmpty()) {
            s.append(": ");
        }
        if (fieldPath != null && !fieldPath.isEmpty()) {
            s.append(fieldPath).append(": ");
        }
        return s.append(message).toString();
    }
}
