package io.jpod.cli.format;

import java.util.List;

/**
 * A Go text/template, the subset podman's {@code --format} uses: fields and nested fields, maps,
 * variables, pipelines, if/else/with/range, Go's built-in functions and podman's own (json, join,
 * split, upper, lower, title, truncate, pad). Data are maps, lists, strings, numbers and booleans;
 * a {@link GoStruct} stands for a Go struct, so naming a field it lacks is an error.
 */
public final class Template {

    private final List<Node> nodes;

    private Template(List<Node> nodes) {
        this.nodes = nodes;
    }

    public static Template parse(String text) throws TemplateException {
        return new Template(TemplateParser.parse(text));
    }

    public String execute(Object data) throws TemplateException {
        StringBuilder out = new StringBuilder();
        new Evaluator(out, data).run(nodes, data);
        return out.toString();
    }
}
