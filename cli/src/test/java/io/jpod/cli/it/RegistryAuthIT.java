package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A registry behind htpasswd Basic auth: pulls refused without credentials, login checked before
 * anything is written, pulls with the auth file or {@code --creds}, logout; the password appears in
 * no output.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryAuthIT {

    private static final String USER = "tester";
    private static final String PASSWORD = "pw-" + Long.toHexString(System.nanoTime());

    private static Jpod jpod;
    private static Path work;
    private static TestRegistry registry;
    private static Path authFile;
    private static final List<Jpod.Result> outputs = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        jpod = Jpod.get();
        work =
                Files.createTempDirectory(
                        Path.of("/tmp"),
                        "jpod-auth-it-",
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rwxr-xr-x")));
        Path htpasswd = work.resolve("htpasswd");
        run("htpasswd", "-Bbc", htpasswd.toString(), USER, PASSWORD);
        registry =
                TestRegistry.start(
                        Files.createDirectories(work.resolve("registry")),
                        String.join(
                                "\n",
                                "auth:",
                                "  htpasswd:",
                                "    realm: jpod-it",
                                "    path: " + htpasswd));
        OciLayout layout = new OciLayout(work.resolve("layout"));
        Path root = Files.createDirectories(work.resolve("rootfs/etc"));
        Files.writeString(root.resolve("motd"), "private\n");
        OciLayout.Image image =
                layout.image("amd64", List.of(layout.layer(root.getParent())), List.of("true"));
        layout.tag("1", image);
        registry.push(layout.dir(), "1", "private/app:1", "--dest-creds", USER + ":" + PASSWORD);
        registry.push(layout.dir(), "1", "private/app:2", "--dest-creds", USER + ":" + PASSWORD);
        Path auth = Files.createDirectories(work.resolve("auth"));
        run("chown", jpod.user() + ":", auth.toString());
        authFile = auth.resolve("auth.json");
    }

    @AfterAll
    static void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
        for (Jpod.Result r : outputs) {
            assertFalse(r.all().contains(PASSWORD), "the password was printed: " + r.all());
        }
        try (Stream<Path> walk = Files.walk(work)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Jpod.Result jpod(String... args) throws Exception {
        Jpod.Result r = jpod.run(args);
        outputs.add(r);
        return r;
    }

    private static void run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(argv[0] + " failed: " + out);
        }
    }

    private String image(String tag) {
        return registry.address() + "/private/app:" + tag;
    }

    @Test
    @Order(1)
    void withoutCredentialsThePullIsRefusedSayingHowToLogIn() throws Exception {
        Jpod.Result r =
                jpod("pull", "--tls-verify=false", "--authfile", authFile.toString(), image("1"));
        assertEquals(125, r.exitCode(), r.all());
        assertTrue(r.err().contains("jpod login"), r.err());
    }

    @Test
    @Order(2)
    void aWrongPasswordIsRefusedAndNothingIsWritten() throws Exception {
        Jpod.Result r =
                jpod(
                        "login",
                        "--tls-verify=false",
                        "--authfile",
                        authFile.toString(),
                        "-u",
                        USER,
                        "-p",
                        "wrong-" + PASSWORD.substring(3),
                        registry.address());
        assertEquals(125, r.exitCode(), r.all());
        assertFalse(Files.exists(authFile));
    }

    @Test
    @Order(3)
    void loginChecksThenWritesTheAuthFileForItsOwnerOnly() throws Exception {
        Jpod.Result r =
                jpod(
                        "login",
                        "--tls-verify=false",
                        "--authfile",
                        authFile.toString(),
                        "-u",
                        USER,
                        "-p",
                        PASSWORD,
                        registry.address());
        assertEquals(0, r.exitCode(), r.all());
        assertEquals("Login Succeeded!\n", r.out());
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(authFile)));
        String json = Files.readString(authFile);
        assertTrue(json.contains(registry.address()), json);
        assertFalse(json.contains(PASSWORD), json);
    }

    @Test
    @Order(4)
    void pullsWithTheAuthFile() throws Exception {
        Jpod.Result r =
                jpod("pull", "--tls-verify=false", "--authfile", authFile.toString(), image("1"));
        assertEquals(0, r.exitCode(), r.all());
    }

    @Test
    @Order(5)
    void pullsWithCredsGivenOnTheCommandLine() throws Exception {
        Jpod.Result r =
                jpod(
                        "pull",
                        "-q",
                        "--tls-verify=false",
                        "--creds",
                        USER + ":" + PASSWORD,
                        image("2"));
        assertEquals(0, r.exitCode(), r.all());
        Jpod.Result wrong =
                jpod("pull", "-q", "--tls-verify=false", "--creds=" + USER + ":nope", image("2"));
        assertEquals(125, wrong.exitCode(), wrong.all());
        assertTrue(wrong.err().contains("refused"), wrong.err());
    }

    @Test
    @Order(6)
    void logoutRemovesTheEntryOnce() throws Exception {
        Jpod.Result r = jpod("logout", "--authfile", authFile.toString(), registry.address());
        assertEquals(0, r.exitCode(), r.all());
        assertFalse(Files.readString(authFile).contains(registry.address()));
        Jpod.Result again = jpod("logout", "--authfile", authFile.toString(), registry.address());
        assertEquals(125, again.exitCode(), again.all());
        assertTrue(again.err().contains("not logged into"), again.err());
    }
}
