package io.jpod.runtime.probe;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * grpc: the standard health service's {@code grpc.health.v1.Health/Check} over cleartext HTTP/2
 * (prior knowledge), as the kubelet calls it, on a socket opened in the pod's network namespace.
 * Passes when the answer says SERVING. A minimal HTTP/2 client: one stream, request headers sent as
 * HPACK literals without Huffman coding, and of the answer only the DATA frames are read, so no
 * HPACK decoder is needed; an answer without a message (a gRPC error in trailers) fails.
 */
final class GrpcProbe implements ProbeCheck {

    static final String PATH = "/grpc.health.v1.Health/Check";
    private static final byte[] PREFACE =
            "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    static final int DATA = 0;
    static final int HEADERS = 1;
    static final int RST_STREAM = 3;
    static final int SETTINGS = 4;
    static final int PING = 6;
    static final int GOAWAY = 7;
    static final int END_STREAM = 0x1;
    static final int ACK = 0x1;
    static final int END_HEADERS = 0x4;

    /** HealthCheckResponse.ServingStatus, by number. */
    private static final String[] STATUS = {"UNKNOWN", "SERVING", "NOT_SERVING", "SERVICE_UNKNOWN"};

    private final ProbePlan.Action.Grpc action;

    GrpcProbe(ProbePlan.Action.Grpc action) {
        this.action = action;
    }

    @Override
    public Outcome check(Target target, int timeoutSeconds) throws InterruptedException {
        String where = target.podIp() + ":" + action.port();
        try {
            int status = Netns.run(target.netns(), () -> call(target.podIp(), timeoutSeconds));
            String name = status >= 0 && status < STATUS.length ? STATUS[status] : "" + status;
            return status == 1
                    ? Outcome.passed("status: SERVING")
                    : Outcome.failed("service unhealthy (responded with \"" + name + "\")");
        } catch (SocketTimeoutException e) {
            return Outcome.failed(
                    "timeout: health rpc did not complete within " + timeoutSeconds + "s");
        } catch (IOException e) {
            return Outcome.failed("failed to connect service \"" + where + "\": " + e.getMessage());
        }
    }

    private int call(String host, int timeoutSeconds) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, action.port()), timeoutSeconds * 1000);
            s.setSoTimeout(timeoutSeconds * 1000);
            OutputStream out = s.getOutputStream();
            out.write(PREFACE);
            frame(out, SETTINGS, 0, 0, new byte[0]);
            frame(out, HEADERS, END_HEADERS, 1, requestHeaders(host + ":" + action.port()));
            frame(out, DATA, END_STREAM, 1, message(action.service()));
            out.flush();
            return answer(new DataInputStream(s.getInputStream()), out);
        }
    }

    /** Reads frames until the stream's message has come; answers SETTINGS and PING. */
    private static int answer(DataInputStream in, OutputStream out) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int length = (in.readUnsignedByte() << 16) | in.readUnsignedShort();
            int type = in.readUnsignedByte();
            int flags = in.readUnsignedByte();
            int stream = in.readInt() & 0x7fffffff;
            if (length > 1 << 20) {
                throw new IOException("HTTP/2 frame of " + length + " bytes");
            }
            byte[] payload = in.readNBytes(length);
            if (payload.length < length) {
                throw new EOFException("connection closed in an HTTP/2 frame");
            }
            switch (type) {
                case SETTINGS -> {
                    if ((flags & ACK) == 0) {
                        frame(out, SETTINGS, ACK, 0, new byte[0]);
                        out.flush();
                    }
                }
                case PING -> {
                    if ((flags & ACK) == 0) {
                        frame(out, PING, ACK, 0, payload);
                        out.flush();
                    }
                }
                case GOAWAY -> throw new IOException("the server closed the connection (GOAWAY)");
                case RST_STREAM ->
                        throw new IOException("the server reset the stream (RST_STREAM)");
                case DATA -> {
                    if (stream == 1) {
                        body.write(payload);
                        Integer status = status(body.toByteArray());
                        if (status != null) {
                            return status;
                        }
                    }
                }
                case HEADERS -> {
                    if (stream == 1 && (flags & END_STREAM) != 0) {
                        throw new IOException(
                                "the server answered with no health status (a gRPC error: is"
                                        + " grpc.health.v1.Health served, and the service"
                                        + " known?)");
                    }
                }
                default -> {
                    // WINDOW_UPDATE, PRIORITY and others do not matter to one small call
                }
            }
        }
    }

    /**
     * The status field of a length-prefixed HealthCheckResponse once the whole message is there;
     * null while it is not.
     */
    static Integer status(byte[] body) throws IOException {
        if (body.length < 5) {
            return null;
        }
        if (body[0] != 0) {
            throw new IOException("compressed gRPC message");
        }
        int length =
                ((body[1] & 0xff) << 24)
                        | ((body[2] & 0xff) << 16)
                        | ((body[3] & 0xff) << 8)
                        | (body[4] & 0xff);
        if (body.length < 5 + length) {
            return null;
        }
        int status = 0; // proto3: an absent field is its zero, UNKNOWN
        int i = 5;
        while (i < 5 + length) {
            int key = body[i++] & 0xff;
            if (key == 0x08) {
                long v = 0;
                int shift = 0;
                int b;
                do {
                    b = body[i++] & 0xff;
                    v |= (long) (b & 0x7f) << shift;
                    shift += 7;
                } while ((b & 0x80) != 0);
                status = (int) v;
            } else {
                throw new IOException("unexpected field in HealthCheckResponse");
            }
        }
        return status;
    }

    /** HealthCheckRequest{service}, length-prefixed as gRPC frames a message. */
    static byte[] message(String service) {
        byte[] name = service == null ? new byte[0] : service.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream proto = new ByteArrayOutputStream();
        if (name.length > 0) {
            proto.write(0x0a);
            varint(proto, name.length);
            proto.writeBytes(name);
        }
        byte[] p = proto.toByteArray();
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.write(0);
        m.write(p.length >>> 24);
        m.write(p.length >>> 16);
        m.write(p.length >>> 8);
        m.write(p.length);
        m.writeBytes(p);
        return m.toByteArray();
    }

    static byte[] requestHeaders(String authority) {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.write(0x83); // :method POST, static table 3
        h.write(0x86); // :scheme http, static table 6
        literal(h, 4, PATH); // :path, name from static table 4
        literal(h, 1, authority); // :authority, static table 1
        literal(h, "content-type", "application/grpc");
        literal(h, "te", "trailers");
        literal(h, "user-agent", "kube-probe/1.31");
        return h.toByteArray();
    }

    /** Literal without indexing, the name from the static table. */
    private static void literal(ByteArrayOutputStream h, int nameIndex, String value) {
        h.write(nameIndex); // 0000xxxx: index < 15 fits the 4-bit prefix
        string(h, value);
    }

    /** Literal without indexing, new name. */
    private static void literal(ByteArrayOutputStream h, String name, String value) {
        h.write(0);
        string(h, name);
        string(h, value);
    }

    /** An HPACK string, not Huffman coded: its length as a 7-bit prefixed integer, then bytes. */
    private static void string(ByteArrayOutputStream h, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int n = b.length;
        if (n < 127) {
            h.write(n);
        } else {
            h.write(127);
            n -= 127;
            while (n >= 128) {
                h.write((n & 0x7f) | 0x80);
                n >>>= 7;
            }
            h.write(n);
        }
        h.writeBytes(b);
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    static void frame(OutputStream out, int type, int flags, int stream, byte[] payload)
            throws IOException {
        int n = payload.length;
        out.write(
                new byte[] {
                    (byte) (n >>> 16), (byte) (n >>> 8), (byte) n, (byte) type, (byte) flags
                });
        out.write(
                new byte[] {
                    (byte) (stream >>> 24),
                    (byte) (stream >>> 16),
                    (byte) (stream >>> 8),
                    (byte) stream
                });
        out.write(payload);
    }
}
