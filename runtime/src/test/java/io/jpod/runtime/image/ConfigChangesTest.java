package io.jpod.runtime.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.image.oci.ConfigFile.ContainerConfig;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class ConfigChangesTest {

    @Test
    void jsonAndShellFormsOfCommands() throws Exception {
        ContainerConfig c =
                ConfigChanges.apply(List.of("CMD [\"a\",\"b\"]", "ENTRYPOINT=/bin/run x"));
        assertEquals(List.of("a", "b"), c.cmd());
        assertEquals(List.of("/bin/sh", "-c", "/bin/run x"), c.entrypoint());
        assertEquals(
                List.of("/bin/sh", "-c", "[not json"),
                ConfigChanges.apply(List.of("cmd [not json")).cmd());
    }

    @Test
    void envAndLabelPairsWithQuotesAndTheLegacyForm() throws Exception {
        ContainerConfig c =
                ConfigChanges.apply(
                        List.of(
                                "ENV A=1 B=\"two words\" C='x\\y'",
                                "ENV A=override",
                                "ENV LEGACY some value",
                                "LABEL version=\"1.0\" maintainer=me"));
        assertEquals(List.of("B=two words", "C=x\\y", "A=override", "LEGACY=some value"), c.env());
        assertEquals(Map.of("version", "1.0", "maintainer", "me"), c.labels());
    }

    @Test
    void workdirUserExpose() throws Exception {
        ContainerConfig c =
                ConfigChanges.apply(
                        List.of(
                                "WORKDIR /srv",
                                "WORKDIR app",
                                "USER www-data",
                                "EXPOSE 80 53/udp 8000-8010",
                                "STOPSIGNAL SIGQUIT"));
        assertEquals("SIGQUIT", c.stopSignal());
        assertEquals("/srv/app", c.workingDir());
        assertEquals("www-data", c.user());
        assertEquals(
                List.of("80/tcp", "53/udp", "8000-8010/tcp"),
                List.copyOf(c.exposedPorts().keySet()));
    }

    @Test
    void nothingChangedIsNull() throws Exception {
        ContainerConfig c = ConfigChanges.apply(List.of());
        assertNull(c.cmd());
        assertNull(c.env());
    }

    @Test
    void rejectsUnknownAndMalformedInstructions() {
        assertTrue(
                assertThrows(
                                ImageException.class,
                                () -> ConfigChanges.apply(List.of("ONBUILD RUN x")))
                        .getMessage()
                        .contains("ONBUILD"));
        assertThrows(ImageException.class, () -> ConfigChanges.apply(List.of("ENV")));
        assertThrows(ImageException.class, () -> ConfigChanges.apply(List.of("ENV =x")));
        assertThrows(ImageException.class, () -> ConfigChanges.apply(List.of("EXPOSE http")));
        assertThrows(ImageException.class, () -> ConfigChanges.apply(List.of("LABEL a=\"open")));
        assertThrows(ImageException.class, () -> ConfigChanges.apply(List.of("CMD:x")));
    }
}
