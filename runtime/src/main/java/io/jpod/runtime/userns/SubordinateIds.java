package io.jpod.runtime.userns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The ranges /etc/subuid and /etc/subgid delegate to a user, matched by name or by numeric id. */
public final class SubordinateIds {

    private SubordinateIds() {}

    public static List<IdRange> ranges(Path file, String user, long id) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return parse(Files.readAllLines(file), user, id);
    }

    static List<IdRange> parse(List<String> lines, String user, long id) {
        List<IdRange> ranges = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.strip().split(":");
            if (f.length != 3 || line.startsWith("#")) {
                continue;
            }
            if (f[0].equals(user) || f[0].equals(Long.toString(id))) {
                try {
                    ranges.add(new IdRange(Long.parseLong(f[1]), Long.parseLong(f[2])));
                } catch (NumberFormatException ignored) {
                    // newuidmap rejects such lines too
                }
            }
        }
        return ranges;
    }

    /** Arguments for newuidmap/newgidmap: container 0 is the user, then each range in order. */
    public static List<String> mapArgs(long hostId, List<IdRange> ranges) {
        List<String> args = new ArrayList<>(List.of("0", Long.toString(hostId), "1"));
        long next = 1;
        for (IdRange r : ranges) {
            args.addAll(
                    List.of(
                            Long.toString(next),
                            Long.toString(r.start()),
                            Long.toString(r.count())));
            next += r.count();
        }
        return args;
    }
}
