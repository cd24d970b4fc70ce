package io.jpod.runtime.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** httpGet and tcpSocket against local servers, in this process' own network. */
class SocketProbesTest {

    private HttpServer server;

    private int serve(int status, AtomicReference<String> seenHeader) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/",
                ex -> {
                    seenHeader.set(
                            ex.getRequestURI().getPath()
                                    + " "
                                    + ex.getRequestHeaders().getFirst("X-Probe")
                                    + " "
                                    + ex.getRequestHeaders().getFirst("User-Agent"));
                    ex.sendResponseHeaders(status, -1);
                    ex.close();
                });
        server.start();
        return server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static ProbeCheck.Target local() {
        return new ProbeCheck.Target("c", null, "127.0.0.1");
    }

    @Test
    void httpGetPassesOn2xxWithThePathAndHeaders() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        int port = serve(200, seen);
        ProbeCheck.Outcome o =
                new HttpGetProbe(
                                new ProbePlan.Action.HttpGet(
                                        "HTTP",
                                        null,
                                        port,
                                        "/healthz",
                                        List.of(new ProbePlan.Header("X-Probe", "yes"))))
                        .check(local(), 2);
        assertTrue(o.success(), o.output());
        assertEquals(0, o.exitCode());
        assertEquals("/healthz yes kube-probe/1.31", seen.get());
    }

    @Test
    void httpGetFailsOn500NamingTheStatus() throws Exception {
        int port = serve(500, new AtomicReference<>());
        ProbeCheck.Outcome o =
                new HttpGetProbe(new ProbePlan.Action.HttpGet("HTTP", null, port, "/", List.of()))
                        .check(local(), 2);
        assertFalse(o.success());
        assertEquals(1, o.exitCode());
        assertEquals("HTTP probe failed with statuscode: 500", o.output());
    }

    @Test
    void httpGetTimesOutOnAServerThatNeverAnswers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long t0 = System.nanoTime();
            ProbeCheck.Outcome o =
                    new HttpGetProbe(
                                    new ProbePlan.Action.HttpGet(
                                            "HTTP", null, silent.getLocalPort(), "/", List.of()))
                            .check(local(), 1);
            assertFalse(o.success());
            assertTrue(o.output().contains("timeout 1s"), o.output());
            assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "bounded by the timeout");
        }
    }

    @Test
    void tcpSocketPassesWhenAConnectionOpensAndFailsWhenRefused() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertTrue(
                    new TcpSocketProbe(new ProbePlan.Action.TcpSocket(null, s.getLocalPort()))
                            .check(local(), 1)
                            .success());
            closed = s.getLocalPort();
        }
        ProbeCheck.Outcome o =
                new TcpSocketProbe(new ProbePlan.Action.TcpSocket("127.0.0.1", closed))
                        .check(local(), 1);
        assertFalse(o.success());
        assertTrue(o.output().startsWith("dial tcp 127.0.0.1:" + closed), o.output());
    }
}
