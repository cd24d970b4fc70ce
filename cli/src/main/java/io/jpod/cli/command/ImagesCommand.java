package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.cli.output.Ago;
import io.jpod.cli.output.Table;
import io.jpod.runtime.Runtime;
import io.jpod.runtime.image.Image;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code jpod images}. */
@Command(name = "images", description = "List images in local storage.")
public final class ImagesCommand implements Callable<Integer> {

    @Option(
            names = {"-q", "--quiet"},
            description = "Print image IDs only.")
    boolean quiet;

    @Option(names = "--digests", description = "Show the manifest digests images were pulled by.")
    boolean digests;

    @Override
    public Integer call() throws Exception {
        Runtime rt = Runtime.open(System.getenv());
        Instant now = Instant.now();
        Table table =
                digests
                        ? new Table("REPOSITORY", "TAG", "DIGEST", "IMAGE ID", "CREATED", "SIZE")
                        : new Table("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE");
        for (Image image : rt.images().list()) {
            if (quiet) {
                System.out.println(image.shortId());
                continue;
            }
            if (image.names().isEmpty()) {
                row(table, image, "<none>", "<none>", now);
            }
            for (String name : image.names()) {
                int colon = name.lastIndexOf(':');
                boolean tagged = colon > name.lastIndexOf('/');
                row(
                        table,
                        image,
                        tagged ? name.substring(0, colon) : name,
                        tagged ? name.substring(colon + 1) : "<none>",
                        now);
            }
        }
        if (!quiet) {
            table.print(System.out);
        }
        return ExitCodes.OK;
    }

    private void row(Table table, Image image, String repository, String tag, Instant now) {
        String created = Ago.since(image.created(), now);
        if (!digests) {
            table.row(repository, tag, image.shortId(), created, size(image.size()));
            return;
        }
        table.row(
                repository,
                tag,
                digest(image, repository),
                image.shortId(),
                created,
                size(image.size()));
    }

    /** The digest the image was pulled by from this repository, else any it was pulled by. */
    private static String digest(Image image, String repository) {
        String found = "<none>";
        for (String pinned : image.digests()) {
            int at = pinned.indexOf('@');
            if (pinned.substring(0, at).equals(repository)) {
                return pinned.substring(at + 1);
            }
            found = pinned.substring(at + 1);
        }
        return found;
    }

    /** Sizes as podman prints them: decimal units, three significant digits. */
    static String size(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return (u == 0 ? Long.toString(bytes) : String.format(java.util.Locale.ROOT, "%.3g", v))
                + " "
                + units[u];
    }

    /** The image's inspect document, with podman's key names. */
    static Map<String, Object> inspect(Image image) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Id", image.id().substring("sha256:".length()));
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
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("Env", image.config().env());
        config.put("Entrypoint", image.config().entrypoint());
        config.put("Cmd", image.config().cmd());
        config.put("WorkingDir", image.config().workingDir());
        config.put("User", image.config().user());
        config.put("Labels", image.config().labels());
        doc.put("Config", config);
        doc.put("Size", image.size());
        Map<String, Object> rootfs = new LinkedHashMap<>();
        rootfs.put("Type", "layers");
        rootfs.put("Layers", image.layers());
        doc.put("RootFS", rootfs);
        return doc;
    }
}
