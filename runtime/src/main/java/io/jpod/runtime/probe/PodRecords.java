package io.jpod.runtime.probe;

import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.state.StateStore;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.TreeMap;

/**
 * The pod records as the prober re-reads them every two seconds: parsed again only when a record
 * file was added, removed or replaced since the last read (every save is a rename, so a new file
 * key), which keeps the idle prober from parsing JSON it has already parsed.
 */
final class PodRecords {

    private final StateStore state;
    private final Path dir;
    private String signature = "";
    private List<PodRecord> last = List.of();

    PodRecords(StateStore state, Path stateDir) {
        this.state = state;
        this.dir = stateDir.resolve("pods");
    }

    List<PodRecord> read() throws IOException {
        String now = signature();
        if (!now.equals(signature)) {
            last = state.pods();
            signature = now;
        }
        return last;
    }

    private String signature() throws IOException {
        TreeMap<String, String> files = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> all = Files.newDirectoryStream(dir, "*.json")) {
                for (Path f : all) {
                    try {
                        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                        files.put(
                                f.getFileName().toString(),
                                a.fileKey()
                                        + "/"
                                        + a.lastModifiedTime().toMillis()
                                        + "/"
                                        + a.size());
                    } catch (java.nio.file.NoSuchFileException e) {
                        // removed meanwhile: not part of the signature
                    }
                }
            }
        }
        return files.toString();
    }
}
