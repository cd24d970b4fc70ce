package io.jpod.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jpod.runtime.state.PortMapping;
import io.jpod.runtime.sys.RecordingProcesses;
import io.jpod.runtime.sys.RecordingProcesses.FakeProcess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

class Slirp4netnsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private final RecordingProcesses processes = new RecordingProcesses();

    /** Serves one connection like slirp4netns' API: reads the request to EOF, answers, closes. */
    private CompletableFuture<JsonNode> serveOnce(Path socket, String answer) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return CompletableFuture.supplyAsync(
                () -> {
                    try (server;
                            SocketChannel ch = server.accept()) {
                        ByteArrayOutputStream request = new ByteArrayOutputStream();
                        ByteBuffer buf = ByteBuffer.allocate(256);
                        while (ch.read(buf) >= 0) {
                            request.write(buf.array(), 0, buf.position());
                            buf.clear();
                        }
                        ch.write(ByteBuffer.wrap(answer.getBytes(StandardCharsets.UTF_8)));
                        return JSON.readTree(request.toByteArray());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    @Test
    void forwardSendsAddHostfwd() throws Exception {
        Path socket = dir.resolve("api.sock");
        CompletableFuture<JsonNode> request = serveOnce(socket, "{\"return\": {\"id\": 1}}");
        new Slirp4netns(processes).forward(socket, new PortMapping("TCP", "", 18080, 80));
        JsonNode r = request.get(30, TimeUnit.SECONDS);
        assertEquals("add_hostfwd", r.path("execute").asText());
        JsonNode args = r.path("arguments");
        assertEquals("tcp", args.path("proto").asText());
        assertEquals(
                "0.0.0.0", args.path("host_addr").asText(), "an empty hostIP means every address");
        assertEquals(18080, args.path("host_port").asInt());
        assertEquals(80, args.path("guest_port").asInt());
        assertTrue(args.path("host_port").isInt(), "numbers, not strings");
        assertEquals(List.of(), processes.calls());
    }

    @Test
    void forwardKeepsAnExplicitHostIp() throws Exception {
        Path socket = dir.resolve("api.sock");
        CompletableFuture<JsonNode> request = serveOnce(socket, "{\"return\":{}}");
        new Slirp4netns(processes).forward(socket, new PortMapping("UDP", "127.0.0.1", 5353, 53));
        JsonNode args = request.get(30, TimeUnit.SECONDS).path("arguments");
        assertEquals("udp", args.path("proto").asText());
        assertEquals("127.0.0.1", args.path("host_addr").asText());
    }

    @Test
    void anErrorAnswerBecomesAnIOExceptionWithItsDescription() throws Exception {
        Path socket = dir.resolve("api.sock");
        serveOnce(
                socket,
                "{\"error\": {\"desc\": \"bad request: add_hostfwd: slirp_add_hostfwd failed\"}}");
        IOException e =
                assertThrows(
                        IOException.class,
                        () ->
                                new Slirp4netns(processes)
                                        .forward(socket, new PortMapping("TCP", null, 18080, 80)));
        assertEquals(
                "cannot forward 0.0.0.0:18080 to port 80: bad request: add_hostfwd:"
                        + " slirp_add_hostfwd failed",
                e.getMessage());
    }

    @Test
    void noApiServerIsAnIOException() {
        assertThrows(
                IOException.class,
                () ->
                        new Slirp4netns(processes)
                                .forward(
                                        dir.resolve("absent.sock"),
                                        new PortMapping("TCP", "", 18080, 80)));
    }

    @Test
    void startReturnsThePidOnceReady() throws Exception {
        processes.onSpawn(List.of("sh"), argv -> new FakeProcess(555, "1", 0));
        Path socket = Files.writeString(dir.resolve("api.sock"), "stale");
        long pid =
                new Slirp4netns(processes)
                        .start(dir.resolve("netns"), null, socket, dir.resolve("slirp.log"));
        assertEquals(555, pid);
        assertFalse(Files.exists(socket), "a stale socket file is removed first");
        List<String> argv = processes.spawned().getFirst().command();
        assertEquals(
                List.of("sh", "-c", "exec \"$@\" 4>&1 1>&2", "sh", "setsid", "slirp4netns"),
                argv.subList(0, 6));
        assertTrue(
                String.join(" ", argv).contains("--ready-fd 4 --api-socket " + socket),
                argv.toString());
        assertEquals(
                List.of("--netns-type=path", dir.resolve("netns").toString(), "tap0"),
                argv.subList(argv.size() - 3, argv.size()));
    }

    @Test
    void startFailureQuotesTheLogAndStopsTheHelper() throws Exception {
        FakeProcess helper = new FakeProcess(555, "", 1);
        processes.onSpawn(List.of("sh"), argv -> helper);
        Path log =
                Files.writeString(
                        dir.resolve("slirp.log"), "open(\"/dev/net/tun\"): No such device\n");
        IOException e =
                assertThrows(
                        IOException.class,
                        () ->
                                new Slirp4netns(processes)
                                        .start(
                                                dir.resolve("netns"),
                                                null,
                                                dir.resolve("api.sock"),
                                                log));
        assertEquals(
                "slirp4netns did not come up: open(\"/dev/net/tun\"): No such device",
                e.getMessage());
        assertTrue(helper.destroyed());
    }
}
