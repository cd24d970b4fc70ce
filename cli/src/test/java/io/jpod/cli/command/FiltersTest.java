package io.jpod.cli.command;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.JpodException;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** --filter as podman combines it. */
class FiltersTest {

    private static final Set<String> KEYS = Set.of("name", "label", "status", "id");

    private static Filters of(String... specs) throws JpodException {
        return Filters.parse(List.of(specs), KEYS);
    }

    @Test
    void noFilterMatchesEverything() throws JpodException {
        Filters f = of();
        assertTrue(f.any("status", "exited"::equals));
        assertTrue(f.names("name", "web-server"));
        assertTrue(f.labels(Map.of()));
    }

    @Test
    void valuesOfOneKeyAreAlternatives() throws JpodException {
        Filters f = of("status=running", "status=exited");
        assertTrue(f.any("status", "exited"::equals));
        assertTrue(f.any("status", "running"::equals));
        assertFalse(f.any("status", "created"::equals));
    }

    @Test
    void nameIsARegularExpressionFoundAnywhere() throws JpodException {
        assertTrue(of("name=server").names("name", "web-server"));
        assertTrue(of("name=^web-").names("name", "web-server"));
        assertFalse(of("name=^server").names("name", "web-server"));
        assertTrue(of("name=nope", "name=web").names("name", "web-server"));
        assertThrows(JpodException.class, () -> of("name=(").names("name", "x"));
    }

    @Test
    void everyLabelFilterMustMatch() throws JpodException {
        Map<String, String> labels = Map.of("app", "web", "tier", "front");
        assertTrue(of("label=app").labels(labels));
        assertTrue(of("label=app=web", "label=tier").labels(labels));
        assertFalse(of("label=app=web", "label=tier=back").labels(labels));
        assertFalse(of("label=app=we").labels(labels));
        assertFalse(of("label=missing").labels(labels));
    }

    @Test
    void unknownKeysAndMalformedFiltersAreErrors() {
        JpodException unknown = assertThrows(JpodException.class, () -> of("colour=red"));
        assertTrue(unknown.getMessage().contains("known filters are id, label, name, status"));
        assertThrows(JpodException.class, () -> of("status"));
        assertThrows(JpodException.class, () -> of("=x"));
    }

    @Test
    void imageReferencesMatchAsPodmansDo() {
        String name = "localhost/jpod-busybox:latest";
        assertTrue(ImagesCommand.references("localhost/jpod-busybox:latest", name));
        assertTrue(ImagesCommand.references("localhost/jpod-busybox", name));
        assertTrue(ImagesCommand.references("jpod-busybox", name));
        assertTrue(ImagesCommand.references("jpod-*", name));
        assertTrue(ImagesCommand.references("*busy*:latest", name));
        assertFalse(ImagesCommand.references("busybox", name));
        assertFalse(ImagesCommand.references("jpod-busybox:1.0", name));
    }
}
