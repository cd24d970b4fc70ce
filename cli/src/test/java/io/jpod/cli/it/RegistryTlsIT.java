package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * A registry serving HTTPS with a certificate from a CA the test makes: refused by default, trusted
 * through {@code --cert-dir}, accepted unverified with {@code --tls-verify=false}.
 */
class RegistryTlsIT {

    private static Jpod jpod;
    private static Path work;
    private static Path certDir;
    private static TestRegistry registry;
    private static OciLayout.Image image;

    @BeforeAll
    static void start() throws Exception {
        jpod = Jpod.get();
        work =
                Files.createTempDirectory(
                        Path.of("/tmp"),
                        "jpod-tls-it-",
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rwxr-xr-x")));
        Path pki = Files.createDirectories(work.resolve("pki"));
        certDir = Files.createDirectories(work.resolve("certs"));
        openssl(
                pki,
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "ca.key",
                "-out",
                "ca.crt",
                "-days",
                "2",
                "-subj",
                "/CN=jpod test CA");
        openssl(
                pki,
                "req",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "server.key",
                "-out",
                "server.csr",
                "-subj",
                "/CN=127.0.0.1");
        Files.writeString(pki.resolve("ext.cnf"), "subjectAltName=IP:127.0.0.1\n");
        openssl(
                pki,
                "x509",
                "-req",
                "-in",
                "server.csr",
                "-CA",
                "ca.crt",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-out",
                "server.crt",
                "-days",
                "2",
                "-extfile",
                "ext.cnf");
        Files.copy(pki.resolve("ca.crt"), certDir.resolve("ca.crt"));
        registry =
                TestRegistry.start(
                        Files.createDirectories(work.resolve("registry")),
                        String.join(
                                "\n",
                                "  tls:",
                                "    certificate: " + pki.resolve("server.crt"),
                                "    key: " + pki.resolve("server.key")));
        OciLayout layout = new OciLayout(work.resolve("layout"));
        Path root = Files.createDirectories(work.resolve("rootfs/etc"));
        Files.writeString(root.resolve("tls.txt"), "over TLS\n");
        image = layout.image("amd64", List.of(layout.layer(root.getParent())), List.of("true"));
        layout.tag("1", image);
        registry.push(layout.dir(), "1", "tls/app:1");
    }

    @AfterAll
    static void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
        try (Stream<Path> walk = Files.walk(work)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void openssl(Path dir, String... args) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of("openssl"));
        argv.addAll(List.of(args));
        Process p =
                new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("openssl failed: " + out);
        }
    }

    private String name() {
        return registry.address() + "/tls/app:1";
    }

    @Test
    void anUnknownCaIsRefusedWithAHint() throws Exception {
        Jpod.Result r = jpod.run("pull", "-q", name());
        assertEquals(125, r.exitCode(), r.all());
        assertTrue(r.err().contains("--tls-verify=false"), r.err());
    }

    @Test
    void theCertDirsCaIsTrusted() throws Exception {
        Jpod.Result r = jpod.run("pull", "-q", "--cert-dir", certDir.toString(), name());
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(image.config().digest().substring("sha256:".length()), r.out().strip());
    }

    @Test
    void tlsVerifyOffAcceptsTheCertificateUnchecked() throws Exception {
        Jpod.Result r = jpod.run("pull", "-q", "--tls-verify=false", name());
        assertEquals(0, r.exitCode(), r.all());
    }
}
