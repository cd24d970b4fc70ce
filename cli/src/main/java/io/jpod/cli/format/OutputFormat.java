package io.jpod.cli.format;

import java.util.List;
import java.util.Map;

/**
 * A command's {@code --format} as podman reads it: {@code json}, a {@code table} template with a
 * header line, or a plain template applied to each item. {@code \t} and {@code \n} written as two
 * characters stand for tab and newline, every item ends its line, and cells separated by tabs are
 * aligned.
 */
public final class OutputFormat {

    private final boolean json;
    private final boolean table;
    private final Template template;

    private OutputFormat(boolean json, boolean table, Template template) {
        this.json = json;
        this.table = table;
        this.template = template;
    }

    public static OutputFormat parse(String format) throws TemplateException {
        String f = format.strip();
        if (f.equalsIgnoreCase("json")) {
            return new OutputFormat(true, false, null);
        }
        boolean table = f.startsWith("table");
        String body =
                table ? format.stripLeading().substring("table".length()).stripLeading() : format;
        body = body.replace("\\t", "\t").replace("\\n", "\n");
        if (!body.endsWith("\n")) {
            body += "\n";
        }
        return new OutputFormat(false, table, Template.parse(body));
    }

    public boolean json() {
        return json;
    }

    /**
     * Renders each item, after a header line for a {@code table} format whose labels are the field
     * names as {@code headers} renames them or in capitals.
     */
    public String render(List<?> items, Map<String, String> headers) throws TemplateException {
        StringBuilder out = new StringBuilder();
        if (table) {
            out.append(template.execute(new Header("", headers)));
        }
        for (Object item : items) {
            out.append(template.execute(item));
        }
        return TabWriter.align(out.toString());
    }
}
