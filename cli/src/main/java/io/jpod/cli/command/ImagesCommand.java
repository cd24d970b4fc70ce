package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.cli.output.Ago;
import io.jpod.cli.output.Table;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.pod.Engine;

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

    @Override
    public Integer call() throws Exception {
        Instant now = Instant.now();
        Table table = new Table("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE");
        for (Image image : Engine.open(System.getenv()).images()) {
            if (quiet) {
                System.out.println(image.shortId());
                continue;
            }
            if (image.names().isEmpty()) {
                table.row(
                        "<none>",
                        "<none>",
                        image.shortId(),
                        Ago.since(image.created(), now),
                        size(image.size()));
            }
            for (String name : image.names()) {
                int colon = name.lastIndexOf(':');
                boolean tagged = colon > name.lastIndexOf('/');
                table.row(
                        tagged ? name.substring(0, colon) : name,
                        tagged ? name.substring(colon + 1) : "<none>",
                        image.shortId(),
                        Ago.since(image.created(), now),
                        size(image.size()));
            }
        }
        if (!quiet) {
            table.print(System.out);
        }
        return ExitCodes.OK;
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
        doc.put("Digest", image.id());
        doc.put("RepoTags", image.names());
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
