package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The registry behind a Bearer token server: a pull without credentials is refused saying how to
 * log in; with them, one token is fetched for the repository's pull scope and used for every
 * request of the pull.
 */
class RegistryTokenIT {

    private static final String USER = "tester";
    private static final String PASSWORD = "tok-" + Long.toHexString(System.nanoTime());

    private static Jpod jpod;
    private static Path work;
    private static TokenServer tokens;
    private static TestRegistry registry;
    private static OciLayout.Image image;

    @BeforeAll
    static void start() throws Exception {
        jpod = Jpod.get();
        work =
                Files.createTempDirectory(
                        Path.of("/tmp"),
                        "jpod-token-it-",
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rwxr-xr-x")));
        Process openssl =
                new ProcessBuilder(
                                "openssl",
                                "req",
                                "-x509",
                                "-newkey",
                                "rsa:2048",
                                "-nodes",
                                "-keyout",
                                "token.key",
                                "-out",
                                "token.crt",
                                "-days",
                                "2",
                                "-subj",
                                "/CN=jpod token signer")
                        .directory(work.toFile())
                        .redirectErrorStream(true)
                        .start();
        openssl.getInputStream().readAllBytes();
        assertTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0);
        tokens =
                new TokenServer(
                        work.resolve("token.key"), work.resolve("token.crt"), USER, PASSWORD);
        registry =
                TestRegistry.start(
                        Files.createDirectories(work.resolve("registry")),
                        String.join(
                                "\n",
                                "auth:",
                                "  token:",
                                "    realm: " + tokens.realm(),
                                "    service: " + TokenServer.SERVICE,
                                "    issuer: " + TokenServer.ISSUER,
                                "    rootcertbundle: " + work.resolve("token.crt")));
        OciLayout layout = new OciLayout(work.resolve("layout"));
        Path a = Files.createDirectories(work.resolve("a/etc"));
        Files.writeString(a.resolve("a.txt"), "a\n");
        Path b = Files.createDirectories(work.resolve("b/etc"));
        Files.writeString(b.resolve("b.txt"), "b\n");
        image =
                layout.image(
                        "amd64",
                        List.of(layout.layer(a.getParent()), layout.layer(b.getParent())),
                        List.of("true"));
        layout.tag("1", image);
        registry.push(layout.dir(), "1", "tok/app:1", "--dest-creds", USER + ":" + PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
        if (tokens != null) {
            tokens.close();
        }
        try (Stream<Path> walk = Files.walk(work)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void oneTokenPerScopeServesTheWholePullAndTheRefusalSaysHowToLogIn() throws Exception {
        String name = registry.address() + "/tok/app:1";
        Jpod.Result anonymous = jpod.run("pull", "-q", "--tls-verify=false", name);
        assertEquals(125, anonymous.exitCode(), anonymous.all());
        assertTrue(anonymous.err().contains("jpod login"), anonymous.err());

        tokens.scopes.clear();
        Jpod.Result r =
                jpod.run(
                        "pull", "-q", "--tls-verify=false", "--creds", USER + ":" + PASSWORD, name);
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(image.config().digest().substring("sha256:".length()), r.out().strip());
        assertEquals(List.of("repository:tok/app:pull"), tokens.scopes);
        assertFalse(r.all().contains(PASSWORD));
    }
}
