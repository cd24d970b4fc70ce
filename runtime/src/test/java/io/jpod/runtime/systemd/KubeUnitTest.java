package io.jpod.runtime.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class KubeUnitTest {

    private static final Path GOLDEN = Path.of("src/test/resources/systemd");

    @Test
    void rendersThePodmanShapedUnit() throws IOException {
        KubeUnit unit =
                new KubeUnit(
                        "web",
                        List.of("/opt/jpod/jpod"),
                        Path.of("/home/alice/web.yaml"),
                        "on-failure",
                        null,
                        10,
                        null,
                        true);
        assertEquals("jpod-kube-web.service", unit.fileName());
        assertEquals(Files.readString(GOLDEN.resolve("jpod-kube-web.service")), unit.render());
    }

    @Test
    void quotesWhatSystemdWouldSplitOrExpand() throws IOException {
        KubeUnit unit =
                new KubeUnit(
                        "my_pods",
                        List.of("/usr/bin/java", "-jar", "/opt/my jpod/jpod.jar"),
                        Path.of("/srv/100%/a\"b$HOME.yaml"),
                        "always",
                        5,
                        30,
                        300,
                        false);
        assertEquals(Files.readString(GOLDEN.resolve("jpod-kube-my_pods.service")), unit.render());
    }

    @Test
    void theDefaultNameIsTheFileName() {
        assertEquals("web", KubeUnit.defaultName(Path.of("/a/web.yaml")));
        assertEquals("my_app.v2", KubeUnit.defaultName(Path.of("/a/my app.v2.yml")));
    }

    @Test
    void refusesWhatSystemdWouldNot() {
        IllegalArgumentException name =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new KubeUnit(
                                        "a/b",
                                        List.of("/j"),
                                        Path.of("/m.yaml"),
                                        "on-failure",
                                        null,
                                        10,
                                        null,
                                        true));
        assertEquals(
                "unit name a/b may hold only letters, digits and : _ . \\ -", name.getMessage());
        IllegalArgumentException policy =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new KubeUnit(
                                        "a",
                                        List.of("/j"),
                                        Path.of("/m.yaml"),
                                        "sometimes",
                                        null,
                                        10,
                                        null,
                                        true));
        assertEquals(
                "--restart-policy must be one of always, no, on-abnormal, on-abort, on-failure,"
                        + " on-success, on-watchdog, not sometimes",
                policy.getMessage());
    }
}
