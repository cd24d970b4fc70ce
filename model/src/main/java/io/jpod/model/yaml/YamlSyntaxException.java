package io.jpod.model.yaml;

/** The text is not YAML at all; carries where the parser gave up. */
public final class YamlSyntaxException extends Exception {
    private final transient Mark mark;

    YamlSyntaxException(Mark mark, String message) {
        super(message);
        this.mark = mark;
    }

    public Mark mark() {
        return mark;
    }
}
