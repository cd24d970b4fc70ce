package io.jpod.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The text of each manifest {@code -f} names: a file, every {@code .yaml}, {@code .yml} and {@code
 * .json} file of a directory (not its subdirectories, as kubectl without {@code -R}), in name
 * order, or standard input for {@code -}.
 */
final class ManifestFiles {
    record Source(String name, String text) {}

    private ManifestFiles() {}

    static List<Source> read(List<String> sources, InputStream stdin) throws ApplyException {
        List<Source> out = new ArrayList<>();
        for (String s : sources) {
            try {
                if (s.equals("-")) {
                    out.add(
                            new Source(
                                    "<stdin>",
                                    new String(stdin.readAllBytes(), StandardCharsets.UTF_8)));
                    continue;
                }
                Path p = Path.of(s);
                if (Files.isDirectory(p)) {
                    try (Stream<Path> files = Files.list(p)) {
                        for (Path f : files.filter(ManifestFiles::isManifest).sorted().toList()) {
                            out.add(new Source(f.toString(), Files.readString(f)));
                        }
                    }
                } else if (Files.isRegularFile(p)) {
                    out.add(new Source(s, Files.readString(p)));
                } else {
                    throw new ApplyException("the path \"" + s + "\" does not exist");
                }
            } catch (IOException e) {
                throw new ApplyException(List.of("cannot read " + s + ": " + e.getMessage()), e);
            }
        }
        return out;
    }

    private static boolean isManifest(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p)
                && (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json"));
    }
}
