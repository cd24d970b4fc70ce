package io.jpod.runtime.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.image.ImageException;
import io.jpod.runtime.image.ImageRef;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

class RegistriesConfTest {

    static final String CONF =
            """
            # the search list
            unqualified-search-registries = [
              "registry.example",   # first
              'quay.io',
            ]
            short-name-mode = "enforcing"

            [[registry]]
            prefix = "docker.io"
            location = "hub-cache.example:5000"
            insecure = true

            [[registry.mirror]]
            location = "mirror.example/hub"

            [[registry]]
            location = "bad.example"
            blocked = true

            [[registry]]
            prefix = "*.internal.example"

            [aliases]
            "web" = "registry.example/team/web"
            """;

    @TempDir Path home;

    @Test
    void readsSearchRegistriesRegistriesMirrorsAndAliases() {
        RegistriesConf conf = RegistriesConf.parse(CONF);
        assertEquals(List.of("registry.example", "quay.io"), conf.searchRegistries());
        assertEquals(
                List.of(
                        new RegistriesConf.Registry(
                                "docker.io",
                                "hub-cache.example:5000",
                                true,
                                false,
                                List.of(new RegistriesConf.Mirror("mirror.example/hub", false))),
                        new RegistriesConf.Registry(
                                "bad.example", "bad.example", false, true, List.of()),
                        new RegistriesConf.Registry(
                                "*.internal.example",
                                "*.internal.example",
                                false,
                                false,
                                List.of())),
                conf.registries());
        assertEquals(Map.of("web", "registry.example/team/web"), conf.aliases());
    }

    @Test
    void aLineItCannotReadIsNamed() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> RegistriesConf.parse("x = ?"));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void theUsersFileWinsOverTheSystemOne() throws Exception {
        Path user = Files.createDirectories(home.resolve(".config/containers"));
        Files.writeString(
                user.resolve("registries.conf"),
                "unqualified-search-registries = [\"mine.example\"]\n");
        assertEquals(
                List.of("mine.example"),
                RegistriesConf.load(Map.of("HOME", home.toString())).searchRegistries());
    }

    @Test
    void dropInsReplaceWhatTheySetInAlphanumericOrder() throws Exception {
        Path user = Files.createDirectories(home.resolve(".config/containers"));
        Files.writeString(user.resolve("registries.conf"), CONF);
        Path dropIns = Files.createDirectories(user.resolve("registries.conf.d"));
        Files.writeString(
                dropIns.resolve("20-later.conf"),
                "unqualified-search-registries = [\"later.example\"]\n");
        Files.writeString(
                dropIns.resolve("10-first.conf"),
                """
                unqualified-search-registries = ["first.example"]
                [[registry]]
                prefix = "docker.io"
                location = "other-cache.example"
                [aliases]
                "db" = "registry.example/team/db"
                """);
        Files.writeString(
                dropIns.resolve("30-keeps.conf"), "[aliases]\n\"web\" = \"x.example/web\"\n");
        Files.writeString(
                dropIns.resolve("99-ignored.conf.bak"), "unqualified-search-registries = []\n");

        RegistriesConf conf = RegistriesConf.load(Map.of("HOME", home.toString()));

        assertEquals(List.of("later.example"), conf.searchRegistries());
        assertEquals(
                List.of("bad.example", "*.internal.example", "docker.io"),
                conf.registries().stream().map(RegistriesConf.Registry::prefix).toList(),
                "a registry of the same prefix is replaced, the others kept");
        assertEquals("other-cache.example", conf.registries().getLast().location());
        assertEquals(
                Map.of("web", "x.example/web", "db", "registry.example/team/db"), conf.aliases());
    }

    @Test
    void aDropInThatSetsAnEmptySearchListEmptiesIt() throws Exception {
        Path user = Files.createDirectories(home.resolve(".config/containers"));
        Files.writeString(user.resolve("registries.conf"), CONF);
        Files.writeString(
                Files.createDirectories(user.resolve("registries.conf.d")).resolve("a.conf"),
                "unqualified-search-registries = []\n");

        assertEquals(
                List.of(), RegistriesConf.load(Map.of("HOME", home.toString())).searchRegistries());
    }

    @Test
    void aShortNameWithoutSearchRegistriesSaysHowToQualifyIt() {
        ImageException e =
                assertThrows(
                        ImageException.class,
                        () -> PullSources.qualify("busybox", RegistriesConf.EMPTY));
        assertTrue(e.getMessage().contains("docker.io/library/busybox"), e.getMessage());
        assertTrue(e.getMessage().contains("localhost/busybox"), e.getMessage());
    }

    @Test
    void shortNamesGoThroughAliasesThenTheSearchList() throws Exception {
        RegistriesConf conf = RegistriesConf.parse(CONF);
        assertEquals(
                List.of(ImageRef.parse("registry.example/team/web:2")),
                PullSources.qualify("web:2", conf));
        assertEquals(
                List.of(ImageRef.parse("registry.example/app:1"), ImageRef.parse("quay.io/app:1")),
                PullSources.qualify("app:1", conf));
        assertEquals(
                List.of(ImageRef.parse("other.example/app")),
                PullSources.qualify("other.example/app", conf));
    }

    @Test
    void qualifiedNamesArePulledFromMirrorsThenTheLocationUnlessBlocked() throws Exception {
        RegistriesConf conf = RegistriesConf.parse(CONF);
        ImageRef busybox = ImageRef.parse("docker.io/library/busybox:1");
        assertEquals(
                List.of(
                        new PullSources.Source(
                                busybox,
                                ImageRef.parse("mirror.example/hub/library/busybox:1"),
                                false),
                        new PullSources.Source(
                                busybox,
                                ImageRef.parse("hub-cache.example:5000/library/busybox:1"),
                                true)),
                PullSources.sources(busybox, conf));
        ImageRef internal = ImageRef.parse("a.internal.example/x:1");
        assertEquals(
                List.of(new PullSources.Source(internal, internal, false)),
                PullSources.sources(internal, conf));
        ImageException blocked =
                assertThrows(
                        ImageException.class,
                        () -> PullSources.sources(ImageRef.parse("bad.example/x"), conf));
        assertTrue(blocked.getMessage().contains("blocked"), blocked.getMessage());
    }
}
