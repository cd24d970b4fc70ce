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
import java.util.concurrent.Callable;

/** {@code jpod images}. */
@Command(name = "images", description = "List images in local storage.")
public final class ImagesCommand implements Callable<Integer> {

    @Option(
            names = {"-q", "--quiet"},
            description = "Print image IDs only.")
    boolean quiet;

    @Mixin FormatOption format;

    @Override
    public Integer call() throws Exception {
        Instant now = Instant.now();
        List<Image> images = Engine.open(System.getenv()).images();
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
        Table table = new Table("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE");
        for (Object row : rows) {
            GoStruct r = (GoStruct) row;
            table.row(
                    (String) r.get("Repository"),
                    (String) r.get("Tag"),
                    (String) r.get("ID"),
                    (String) r.get("Created"),
                    (String) r.get("Size"));
        }
        table.print(System.out);
        return ExitCodes.OK;
    }

    private static List<String> nameless() {
        List<String> none = new ArrayList<>();
        none.add(null);
        return none;
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
