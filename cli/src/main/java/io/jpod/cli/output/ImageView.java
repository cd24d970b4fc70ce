package io.jpod.cli.output;

import io.jpod.cli.format.GoStruct;
import io.jpod.runtime.image.Image;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An image as {@code images} shows it: a row per name, template fields and JSON as podman's. */
public final class ImageView {

    public static final Map<String, String> HEADERS = Map.of("ID", "IMAGE ID");

    private ImageView() {}

    /** Repository and tag of a name; {@code <none>} for what it lacks. */
    public static String[] repositoryAndTag(String name) {
        if (name == null) {
            return new String[] {"<none>", "<none>"};
        }
        int colon = name.lastIndexOf(':');
        boolean tagged = colon > name.lastIndexOf('/');
        return tagged
                ? new String[] {name.substring(0, colon), name.substring(colon + 1)}
                : new String[] {name, "<none>"};
    }

    /** Sizes as podman prints them: decimal units, three significant digits. */
    public static String size(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return (u == 0 ? Long.toString(bytes) : String.format(Locale.ROOT, "%.3g", v))
                + " "
                + units[u];
    }

    /** The row for one of the image's names (null: an image without names). */
    public static GoStruct row(Image image, String name, Instant now) {
        String[] rt = repositoryAndTag(name);
        return new GoStruct("imageReporter")
                .with("Repository", rt[0])
                .with("Tag", rt[1])
                .with("ID", image.shortId())
                .with("Id", image.hexId())
                .with("Digest", digest(image, rt[0]))
                .with("Created", Ago.since(image.created(), now))
                .with("CreatedSince", Ago.since(image.created(), now))
                .with("CreatedAt", GoTime.display(image.created()))
                .with("Size", size(image.size()))
                .with("Names", image.names())
                .with("Labels", image.config().labels())
                .with("ReadOnly", false);
    }

    public static Map<String, Object> json(Image image) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("Id", image.hexId());
        o.put("ParentId", "");
        o.put("RepoTags", image.names());
        o.put("RepoDigests", image.digests());
        o.put("Created", image.created().getEpochSecond());
        o.put("Size", image.size());
        o.put("SharedSize", 0);
        o.put("VirtualSize", image.size());
        o.put("Labels", image.config().labels().isEmpty() ? null : image.config().labels());
        o.put("Containers", 0);
        o.put("Names", image.names());
        o.put("Digest", digest(image, null));
        o.put("History", List.of());
        o.put("CreatedAt", image.created().toString());
        return o;
    }

    /**
     * The manifest digest the image was pulled by from this repository, else any it was pulled by;
     * an image never pulled (loaded, imported) has its config's digest, as podman shows it.
     */
    static String digest(Image image, String repository) {
        String found = image.id();
        for (String pinned : image.digests()) {
            int at = pinned.indexOf('@');
            if (pinned.substring(0, at).equals(repository)) {
                return pinned.substring(at + 1);
            }
            found = pinned.substring(at + 1);
        }
        return found;
    }
}
