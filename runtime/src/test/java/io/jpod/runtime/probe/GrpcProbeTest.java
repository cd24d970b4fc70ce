package io.jpod.runtime.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gRPC health check against a scripted HTTP/2 server that frames its answers by the RFC: the
 * client must send the preface, a HEADERS frame naming the health method and one DATA frame, and
 * read SERVING out of the answer's DATA among the frames around it.
 */
class GrpcProbeTest {

    /** The server's side of one call: what it read of the request headers, then its answer. */
    private static String serve(ServerSocket server, byte[]... answer) throws IOException {
        try (Socket s = server.accept()) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] preface = in.readNBytes(24);
            if (!new String(preface, StandardCharsets.US_ASCII).startsWith("PRI * HTTP/2.0")) {
                throw new IOException("no preface");
            }
            String headers = "";
            while (true) {
                int length = (in.readUnsignedByte() << 16) | in.readUnsignedShort();
                int type = in.readUnsignedByte();
                int flags = in.readUnsignedByte();
                in.readInt();
                byte[] payload = in.readNBytes(length);
                if (type == GrpcProbe.HEADERS) {
                    headers = new String(payload, StandardCharsets.ISO_8859_1);
                }
                if (type == GrpcProbe.DATA && (flags & GrpcProbe.END_STREAM) != 0) {
                    break;
                }
            }
            OutputStream out = s.getOutputStream();
            for (byte[] frame : answer) {
                out.write(frame);
            }
            out.flush();
            // the client answers the server's SETTINGS and PING; read until it closes
            in.readAllBytes();
            return headers;
        }
    }

    private static byte[] frame(int type, int flags, int stream, byte[] payload)
            throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        GrpcProbe.frame(b, type, flags, stream, payload);
        return b.toByteArray();
    }

    private static ProbeCheck.Outcome call(byte[]... answer) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AtomicReference<String> headers = new AtomicReference<>();
            Thread t =
                    Thread.ofPlatform()
                            .start(
                                    () -> {
                                        try {
                                            headers.set(serve(server, answer));
                                        } catch (IOException e) {
                                            headers.set("server: " + e);
                                        }
                                    });
            ProbeCheck.Outcome o =
                    new GrpcProbe(new ProbePlan.Action.Grpc(server.getLocalPort(), "web"))
                            .check(new ProbeCheck.Target("c", null, "127.0.0.1"), 2);
            t.join(5000);
            assertTrue(headers.get().contains(GrpcProbe.PATH), headers.get());
            assertTrue(headers.get().contains("application/grpc"), headers.get());
            return o;
        }
    }

    private static byte[] response(int status) {
        return new byte[] {0, 0, 0, 0, 2, 0x08, (byte) status};
    }

    @Test
    void servingPasses() throws Exception {
        ProbeCheck.Outcome o =
                call(
                        frame(GrpcProbe.SETTINGS, 0, 0, new byte[0]),
                        frame(8, 0, 0, new byte[] {0, 0, 0, 16}), // WINDOW_UPDATE
                        frame(GrpcProbe.PING, 0, 0, new byte[8]),
                        frame(
                                GrpcProbe.HEADERS,
                                GrpcProbe.END_HEADERS,
                                1,
                                new byte[] {(byte) 0x88}),
                        frame(GrpcProbe.DATA, 0, 1, response(1)));
        assertTrue(o.success(), o.output());
    }

    @Test
    void notServingFailsNamingTheStatus() throws Exception {
        ProbeCheck.Outcome o =
                call(
                        frame(GrpcProbe.SETTINGS, 0, 0, new byte[0]),
                        frame(
                                GrpcProbe.HEADERS,
                                GrpcProbe.END_HEADERS,
                                1,
                                new byte[] {(byte) 0x88}),
                        frame(GrpcProbe.DATA, 0, 1, response(2)));
        assertFalse(o.success());
        assertTrue(o.output().contains("NOT_SERVING"), o.output());
    }

    @Test
    void aTrailersOnlyErrorFails() throws Exception {
        ProbeCheck.Outcome o =
                call(
                        frame(GrpcProbe.SETTINGS, 0, 0, new byte[0]),
                        frame(
                                GrpcProbe.HEADERS,
                                GrpcProbe.END_HEADERS | GrpcProbe.END_STREAM,
                                1,
                                new byte[] {(byte) 0x88}));
        assertFalse(o.success());
        assertTrue(o.output().contains("no health status"), o.output());
    }

    @Test
    void theRequestMessageNamesTheService() {
        assertEquals(
                "[0, 0, 0, 0, 5, 10, 3, 119, 101, 98]",
                java.util.Arrays.toString(GrpcProbe.message("web")));
        assertEquals("[0, 0, 0, 0, 0]", java.util.Arrays.toString(GrpcProbe.message("")));
    }
}
