package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.cli.format.GoStruct;
import io.jpod.cli.output.ImageView;
import io.jpod.cli.output.Table;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.pod.Engine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/** {@code jpod images}. */
@Command(
        name = "images",
        description = "List images in local storage.",
        footer = {
            "Examples:",
            "  jpod images",
            "  jpod images -q",
            "  jpod images --filter reference=busybox --format '{{.Repository}}:{{.Tag}}'"
        })
public final class ImagesCommand implements Callable<Integer> {

    @Option(
            names = {"-q", "--quiet"},
            description = "Print image IDs only.")
    boolean quiet;

    @Option(
            names = {"-f", "--filter"},
            paramLabel = "KEY=VALUE",
            description =
                    "Only images that match: reference (a name, * for any part), dangling, label.")
    List<String> filter;

    @Option(names = "--digests", description = "Show the manifest digests images were pulled by.")
    boolean digests;

    @Mixin FormatOption format;

    @Override
    public Integer call() throws Exception {
        Instant now = Instant.now();
        Filters filters = Filters.parse(filter, Set.of("reference", "dangling", "label"));
        List<Image> images = new ArrayList<>();
        for (Image image : Engine.open(System.getenv()).images()) {
            if (filters.any(
                            "reference",
                            v -> image.names().stream().anyMatch(n -> references(v, n)))
                    && filters.any(
                            "dangling", v -> Boolean.parseBoolean(v) == image.names().isEmpty())
                    && filters.labels(image.config().labels())) {
                images.add(image);
            }
        }
        if (quiet) {
            images.forEach(i -> System.out.println(i.shortId()));
            return ExitCodes.OK;
        }
        List<Object> rows = new ArrayList<>();
        for (Image image : images) {
            for (String name : image.names().isEmpty() ? nameless() : image.names()) {
                rows.add(ImageView.row(image, name, now));
            }
        }
        if (format.given()) {
            format.print(
                    rows, ImageView.HEADERS, () -> images.stream().map(ImageView::json).toList());
            return ExitCodes.OK;
        }
        Table table =
                digests
                        ? new Table("REPOSITORY", "TAG", "DIGEST", "IMAGE ID", "CREATED", "SIZE")
                        : new Table("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE");
        for (Object row : rows) {
            GoStruct r = (GoStruct) row;
            List<String> cells =
                    new ArrayList<>(List.of((String) r.get("Repository"), (String) r.get("Tag")));
            if (digests) {
                cells.add((String) r.get("Digest"));
            }
            cells.addAll(
                    List.of(
                            (String) r.get("ID"),
                            (String) r.get("Created"),
                            (String) r.get("Size")));
            table.row(cells.toArray(String[]::new));
        }
        table.print(System.out);
        return ExitCodes.OK;
    }

    /**
     * podman's reference filter: the pattern ({@code *} for any run of characters) matches the
     * whole name, the name without its tag, or either without the registry.
     */
    static boolean references(String pattern, String name) {
        Pattern p = Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
        String[] rt = ImageView.repositoryAndTag(name);
        String familiar = name.contains("/") ? name.substring(name.indexOf('/') + 1) : name;
        String familiarRepo = rt[0].contains("/") ? rt[0].substring(rt[0].indexOf('/') + 1) : rt[0];
        for (String form : List.of(name, rt[0], familiar, familiarRepo)) {
            if (p.matcher(form).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> nameless() {
        List<String> none = new ArrayList<>();
        none.add(null);
        return none;
    }

    /** The image's inspect document, with podman's key names. */
    static Map<String, Object> inspect(Image image) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Id", image.hexId());
        // podman's Digest is the manifest's; an image never pulled has none but its config's
        doc.put(
                "Digest",
                image.digests().isEmpty()
                        ? image.id()
                        : image.digests()
                                .getLast()
                                .substring(image.digests().getLast().indexOf('@') + 1));
        doc.put("RepoTags", image.names());
        doc.put("RepoDigests", image.digests());
        doc.put("Created", image.created().toString());
        // podman's image config omits what is empty (Go's omitempty)
        Map<String, Object> config = new LinkedHashMap<>();
        putIfSet(config, "User", image.config().user());
        putIfSet(config, "Env", image.config().env());
        putIfSet(config, "Entrypoint", image.config().entrypoint());
        putIfSet(config, "Cmd", image.config().cmd());
        putIfSet(config, "WorkingDir", image.config().workingDir());
        putIfSet(config, "Labels", image.config().labels());
        doc.put("Config", config);
        doc.put("Size", image.size());
        Map<String, Object> rootfs = new LinkedHashMap<>();
        rootfs.put("Type", "layers");
        rootfs.put("Layers", image.layers());
        doc.put("RootFS", rootfs);
        return doc;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        boolean empty =
                value == null
                        || (value instanceof String str && str.isEmpty())
                        || (value instanceof java.util.Collection<?> c && c.isEmpty())
                        || (value instanceof Map<?, ?> m && m.isEmpty());
        if (!empty) {
            map.put(key, value);
        }
    }
}
