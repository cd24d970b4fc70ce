package io.jpod.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jpod.model.ManifestLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;

class HostPathFilesTest {

    @TempDir Path dir;

    private HostPathFiles mounted() throws Exception {
        String pod =
                """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                spec:
                  containers:
                  - name: app
                    image: box
                  volumes:
                  - name: conf
                    hostPath: {path: %s}
                  - name: data
                    hostPath: {path: %s}
                """;
        return HostPathFiles.of(
                ManifestLoader.parse(
                        "pods.yaml",
                        pod.formatted("web", dir.resolve("app.conf"), dir)
                                + "---\n"
                                + pod.formatted("api", dir.resolve("app.conf"), dir)));
    }

    @Test
    void aFileReplacedByARenameMakesItsPodsStaleAnEditInPlaceDoesNot() throws Exception {
        Path conf = Files.writeString(dir.resolve("app.conf"), "a");
        HostPathFiles files = mounted();
        assertEquals(Set.of(conf), files.paths(), "directories are seen live: not followed");

        Files.writeString(conf, "b");
        assertEquals(Set.of(), files.stalePods(List.of(conf)), "the bind mount shows an edit");

        Path next = Files.writeString(dir.resolve(".app.conf.tmp"), "c");
        Files.move(next, conf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertEquals(Set.of("web", "api"), files.stalePods(List.of(conf)));
    }

    @Test
    void aFileThatIsGoneWaitsForTheNextEdit() throws Exception {
        Path conf = Files.writeString(dir.resolve("app.conf"), "a");
        HostPathFiles files = mounted();
        Files.delete(conf);
        assertEquals(Set.of(), files.stalePods(List.of(conf)));
    }
}
