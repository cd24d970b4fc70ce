package io.jpod.runtime.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * httpGet: one HTTP/1.1 request on a socket opened inside the pod's network namespace, so the image
 * needs no curl. Passes on a status from 200 to 399, as the kubelet's; HTTPS skips certificate
 * checks, as the kubelet's does. The JDK's HTTP client is not used: it may open its sockets on
 * threads of its own, outside the namespace. Lifecycle hooks make their httpGet through {@link
 * #get} too.
 */
public final class HttpGetProbe implements ProbeCheck {

    private static final String USER_AGENT = "kube-probe/1.31";

    private final ProbePlan.Action.HttpGet action;

    public HttpGetProbe(ProbePlan.Action.HttpGet action) {
        this.action = action;
    }

    @Override
    public Outcome check(Target target, int timeoutSeconds) throws InterruptedException {
        try {
            int status = get(target, timeoutSeconds * 1000L);
            if (passes(status)) {
                return Outcome.passed("HTTP probe succeeded with statuscode: " + status);
            }
            return Outcome.failed("HTTP probe failed with statuscode: " + status);
        } catch (SocketTimeoutException e) {
            return Outcome.failed(
                    "Get \""
                            + url(target)
                            + "\": context deadline exceeded (timeout "
                            + timeoutSeconds
                            + "s)");
        } catch (IOException e) {
            return Outcome.failed("Get \"" + url(target) + "\": " + e.getMessage());
        }
    }

    /** Whether a status counts as success: 2xx and 3xx, as the kubelet's. */
    public static boolean passes(int status) {
        return status >= 200 && status < 400;
    }

    /**
     * Makes the request from the target's network namespace and returns the response's status;
     * {@code timeoutMillis} bounds the connection and each read.
     */
    public int get(Target target, long timeoutMillis) throws IOException, InterruptedException {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeoutMillis));
        return Netns.run(target.netns(), () -> request(host(target), millis));
    }

    /** "http://10.0.2.100:8080/healthz", for messages. */
    public String url(Target target) {
        return action.scheme().toLowerCase(java.util.Locale.ROOT)
                + "://"
                + host(target)
                + ":"
                + action.port()
                + action.path();
    }

    private String host(Target target) {
        return action.host() == null ? target.podIp() : action.host();
    }

    private int request(String host, int timeoutMillis) throws IOException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, action.port()), timeoutMillis);
            plain.setSoTimeout(timeoutMillis);
            Socket s = action.scheme().equals("HTTPS") ? tls(plain, host) : plain;
            StringBuilder req =
                    new StringBuilder("GET ")
                            .append(action.path().isEmpty() ? "/" : action.path())
                            .append(" HTTP/1.1\r\n");
            boolean hostSet = false;
            boolean agentSet = false;
            for (ProbePlan.Header h : action.headers()) {
                hostSet |= h.name().equalsIgnoreCase("Host");
                agentSet |= h.name().equalsIgnoreCase("User-Agent");
                req.append(h.name()).append(": ").append(h.value()).append("\r\n");
            }
            if (!hostSet) {
                req.append("Host: ").append(host).append(':').append(action.port()).append("\r\n");
            }
            if (!agentSet) {
                req.append("User-Agent: ").append(USER_AGENT).append("\r\n");
            }
            req.append("Accept: */*\r\nConnection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return status(statusLine(s.getInputStream()));
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n' && line.size() < 1024) {
            line.write(b);
        }
        return line.toString(StandardCharsets.ISO_8859_1).strip();
    }

    /** "HTTP/1.1 200 OK" to 200. */
    static int status(String line) throws IOException {
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("malformed HTTP response \"" + line + "\"");
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("malformed HTTP status \"" + line + "\"");
        }
    }

    private static Socket tls(Socket plain, String host) throws IOException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new TrustAll()}, null);
            SSLSocket s =
                    (SSLSocket)
                            ctx.getSocketFactory()
                                    .createSocket(plain, host, plain.getPort(), false);
            s.startHandshake();
            return s;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("TLS: " + e.getMessage(), e);
        }
    }

    /** The kubelet does not verify a probe's certificate (InsecureSkipVerify). */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
