package io.jpod.cli.command;

import io.jpod.cli.format.GoData;
import io.jpod.cli.format.OutputFormat;
import io.jpod.cli.format.TemplateException;
import io.jpod.cli.output.Json;
import io.jpod.runtime.JpodException;

import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code --format} as podman's list commands take it: {@code json}, a Go template applied to each
 * row, or {@code table TEMPLATE} with a header line. Without it a command prints its own table.
 */
final class FormatOption {

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description =
                    "Print with a Go template (`{{.Names}}`, `table {{.ID}}\\t{{.Status}}`), or"
                            + " `json`.")
    String format;

    boolean given() {
        return format != null;
    }

    /**
     * Prints rows through the format: {@code json} writes {@code json}'s objects, a template names
     * the rows' fields, headed by {@code headers}' labels in a table.
     */
    void print(List<?> rows, Map<String, String> headers, Supplier<List<?>> json)
            throws JpodException {
        OutputFormat f = parse(format);
        if (f.json()) {
            System.out.println(Json.pretty(json.get()));
            return;
        }
        try {
            System.out.print(f.render(rows, headers));
        } catch (TemplateException e) {
            throw new JpodException(e.getMessage());
        }
    }

    /**
     * Prints inspect documents: as JSON without a format or with {@code json}, else the template's
     * result for each, one a line.
     */
    static void printDocuments(String format, List<?> docs, String type) throws JpodException {
        if (format == null) {
            System.out.println(Json.pretty(docs));
            return;
        }
        OutputFormat f = parse(format);
        if (f.json()) {
            System.out.println(Json.pretty(docs));
            return;
        }
        try {
            System.out.print(
                    f.render(docs.stream().map(d -> GoData.of(d, type)).toList(), Map.of()));
        } catch (TemplateException e) {
            throw new JpodException(e.getMessage());
        }
    }

    /**
     * As {@link #printDocuments} for a command that shows one object, not a list (info, version).
     */
    static void printDocument(String format, Object doc, String type) throws JpodException {
        if (format == null || parse(format).json()) {
            System.out.println(Json.pretty(doc));
            return;
        }
        printDocuments(format, List.of(doc), type);
    }

    private static OutputFormat parse(String format) throws JpodException {
        try {
            return OutputFormat.parse(format);
        } catch (TemplateException e) {
            throw new JpodException(e.getMessage());
        }
    }
}
