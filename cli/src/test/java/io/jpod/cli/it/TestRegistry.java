package io.jpod.cli.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's docker-registry (the distribution project's registry), started on 127.0.0.1 at a free
 * port with filesystem storage in a directory of the test's, and skopeo to push to it.
 */
final class TestRegistry implements AutoCloseable {

    private final Path dir;
    private final Path storage;
    private final int port;
    private volatile Process process;

    private TestRegistry(Path dir, Path storage, int port) {
        this.dir = dir;
        this.storage = storage;
        this.port = port;
    }

    /**
     * @param extra YAML put right after {@code http.addr}: lines indented by two spaces extend
     *     {@code http:} (e.g. {@code tls:}), unindented ones add sections (e.g. {@code auth:})
     */
    static TestRegistry start(Path dir, String extra) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path storage = Files.createDirectories(dir.resolve("storage"));
        Path config = dir.resolve("config.yml");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "version: 0.1",
                        "log:",
                        "  level: warn",
                        "storage:",
                        "  filesystem:",
                        "    rootdirectory: " + storage,
                        "  delete:",
                        "    enabled: true",
                        "http:",
                        "  addr: 127.0.0.1:" + port,
                        extra,
                        ""));
        TestRegistry registry = new TestRegistry(dir, storage, port);
        registry.launch();
        return registry;
    }

    /** Kills the registry with SIGKILL, as a crash would, and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("docker-registry outlived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the registry again on its port and storage, after {@link #kill}. */
    void restart() {
        try {
            launch();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void launch() throws IOException, InterruptedException {
        process =
                new ProcessBuilder(
                                "/usr/bin/docker-registry",
                                "serve",
                                dir.resolve("config.yml").toString())
                        .redirectErrorStream(true)
                        .redirectOutput(
                                ProcessBuilder.Redirect.appendTo(
                                        dir.resolve("registry.log").toFile()))
                        .start();
        awaitReady();
    }

    int port() {
        return port;
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    /** Where the registry keeps a blob's bytes. */
    Path blobData(String digest) {
        String hex = digest.substring("sha256:".length());
        return storage.resolve(
                "docker/registry/v2/blobs/sha256/" + hex.substring(0, 2) + "/" + hex + "/data");
    }

    /** {@code skopeo copy oci:LAYOUT:REF docker://127.0.0.1:PORT/NAME}, with extra flags. */
    void push(Path layout, String ref, String name, String... flags)
            throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("skopeo", "copy", "--dest-tls-verify=false"));
        argv.addAll(List.of(flags));
        argv.add("oci:" + layout + ":" + ref);
        argv.add("docker://" + address() + "/" + name);
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("skopeo failed: " + argv + "\n" + out);
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "docker-registry exited: " + Files.readString(dir.resolve("registry.log")));
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("docker-registry did not listen on " + address());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
