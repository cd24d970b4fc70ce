package io.jpod.runtime.net;

import io.jpod.runtime.json.RecordJson;
import io.jpod.runtime.state.PortMapping;
import io.jpod.runtime.sys.Processes;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * slirp4netns: user-mode networking for a pod's network namespace, and hostPort forwarding through
 * its API socket. It runs in its own session with its stdio on a log file, so it outlives jpod and
 * never holds jpod's pipes open.
 */
public final class Slirp4netns {

    /** The pod's address on slirp4netns' default 10.0.2.0/24 network. */
    public static final String POD_IP = "10.0.2.100";

    /** slirp4netns' built-in DNS forwarder. */
    public static final String DNS = "10.0.2.3";

    /**
     * A request of slirp4netns' API, in its own field names. jpod's own JSON, not Jackson: starting
     * Jackson's mapper was ~13 ms of each play's network set-up.
     */
    private record Request(String execute, HostForward arguments) {}

    private record HostForward(String proto, String host_addr, int host_port, int guest_port) {}

    /** Its answer: {@code {"return": ...}}, or {@code {"error": {"desc": ...}}}. */
    private record Answer(Failure error) {}

    private record Failure(String desc) {}

    private final Processes processes;

    public Slirp4netns(Processes processes) {
        this.processes = processes;
    }

    /**
     * Starts slirp4netns against {@code netns} and returns its pid once the tap device is up.
     *
     * @param userns the user namespace that owns {@code netns} when it is not jpod's (a pod's own),
     *     which slirp4netns joins first; null for jpod's
     */
    public long start(Path netns, Path userns, Path apiSocket, Path log) throws IOException {
        Files.deleteIfExists(apiSocket);
        // fd 4 is the ready pipe: the trampoline points it at our stdout and sends slirp4netns' own
        // output to the log
        List<String> argv =
                new ArrayList<>(
                        List.of(
                                "sh",
                                "-c",
                                "exec \"$@\" 4>&1 1>&2",
                                "sh",
                                "setsid",
                                "slirp4netns",
                                "--configure",
                                "--ready-fd",
                                "4",
                                "--api-socket",
                                apiSocket.toString(),
                                "--disable-host-loopback",
                                "--enable-sandbox",
                                "--enable-seccomp",
                                "--mtu",
                                "65520",
                                "--netns-type=path"));
        if (userns != null) {
            argv.add("--userns-path=" + userns);
        }
        argv.addAll(List.of(netns.toString(), "tap0"));
        ProcessBuilder builder =
                new ProcessBuilder(argv)
                        .redirectInput(new File("/dev/null"))
                        .redirectError(log.toFile());
        Process process = processes.spawn(builder);
        try (InputStream ready = process.getInputStream()) {
            int b = ready.read();
            if (b != '1') {
                String why = Files.exists(log) ? Files.readString(log).strip() : "";
                process.destroy();
                throw new IOException(
                        "slirp4netns did not come up: " + (why.isEmpty() ? "no output" : why));
            }
        }
        return process.pid();
    }

    /** Forwards a host port into the namespace. */
    public void forward(Path apiSocket, PortMapping port) throws IOException {
        String hostAddr =
                port.hostIP() == null || port.hostIP().isEmpty() ? "0.0.0.0" : port.hostIP();
        Request request =
                new Request(
                        "add_hostfwd",
                        new HostForward(
                                port.protocol().toLowerCase(java.util.Locale.ROOT),
                                hostAddr,
                                port.hostPort(),
                                port.containerPort()));
        byte[] answer = call(apiSocket, RecordJson.write(request));
        Failure error;
        try {
            error = RecordJson.read(answer, Answer.class).error();
        } catch (RecordJson.JsonException e) {
            throw new IOException(
                    "slirp4netns answered "
                            + new String(answer, StandardCharsets.UTF_8).strip()
                            + ": "
                            + e.getMessage());
        }
        if (error != null) {
            throw new IOException(
                    "cannot forward "
                            + hostAddr
                            + ":"
                            + port.hostPort()
                            + " to port "
                            + port.containerPort()
                            + ": "
                            + (error.desc() == null ? "error" : error.desc()));
        }
    }

    private static byte[] call(Path apiSocket, String request) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(apiSocket));
            ch.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
            ch.shutdownOutput();
            return readAll(ch);
        }
    }

    private static byte[] readAll(SocketChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4096);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (ch.read(buf) >= 0) {
            buf.flip();
            out.write(buf.array(), 0, buf.limit());
            buf.clear();
        }
        return out.toByteArray();
    }
}
