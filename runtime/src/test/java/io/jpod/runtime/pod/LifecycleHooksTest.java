package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;

import io.jpod.runtime.probe.ContainerProbes;
import io.jpod.runtime.probe.ProbePlan;
import io.jpod.runtime.state.ContainerLife;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.LifeFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * httpGet hooks, made by jpod itself as an httpGet probe is, here against a server on this host (a
 * pod on the host's network, so no namespace is entered).
 */
class LifecycleHooksTest {

    @TempDir Path dir;

    private FakeHost host;
    private Engine engine;
    private HttpServer server;

    /** Each request: "PATH X-Hook", then whether the app had been sent a signal by then. */
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private int status = 200;

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(dir);
        engine = new Engine(host.rt);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/",
                ex -> {
                    boolean signalled =
                            host.events().stream().anyMatch(e -> e.startsWith("kill TERM web-app"));
                    requests.add(
                            ex.getRequestURI().getPath()
                                    + " "
                                    + ex.getRequestHeaders().getFirst("X-Hook")
                                    + (signalled ? " after-signal" : ""));
                    ex.sendResponseHeaders(status, -1);
                    ex.close();
                });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private LifePlan.Hook get(String path) {
        return LifePlan.Hook.httpGet(
                new ProbePlan.Action.HttpGet(
                        "HTTP",
                        null,
                        server.getAddress().getPort(),
                        path,
                        List.of(new ProbePlan.Header("X-Hook", "yes"))));
    }

    private PodPlan pod(LifePlan.Hook postStart, LifePlan.Hook preStop) {
        ContainerPlan app =
                Plans.with(
                        Plans.container("app", host.image.id()),
                        ContainerProbes.NONE,
                        new LifePlan(postStart, preStop, "TERM", null, false, false));
        return Plans.onHostNetwork(Plans.pod("web", "Never", 5, List.of(), List.of(app)));
    }

    private ContainerLife life(ContainerRecord c) {
        return LifeFile.read(host.rt.layout().containers().resolve(c.id()));
    }

    @Test
    void anHttpGetPostStartIsMadeAndTheContainerRuns() throws Exception {
        ContainerRecord c =
                engine.play(List.of(pod(get("/started"), null)), false)
                        .getFirst()
                        .containers()
                        .getFirst();
        assertEquals(List.of("/started yes"), requests);
        assertTrue(host.running("web-app"));
        assertEquals(null, life(c).failure());
        assertFalse(host.events().contains("kill KILL web-app"), host.events().toString());
    }

    @Test
    void anHttpGetPostStartAnsweringAnErrorKillsTheContainerWithTheReason() throws Exception {
        status = 500;
        ContainerRecord c =
                engine.play(List.of(pod(get("/started"), null)), false)
                        .getFirst()
                        .containers()
                        .getFirst();
        assertEquals(List.of("/started yes"), requests);
        assertTrue(host.events().contains("kill KILL web-app"), host.events().toString());
        assertFalse(host.running("web-app"));
        ContainerLife life = life(c);
        assertEquals(LifecycleHooks.FAILED_POST_START, life.failure());
        assertTrue(
                life.failureMessage().startsWith("HTTP lifecycle hook (GET http://127.0.0.1:")
                        && life.failureMessage()
                                .endsWith("for container web-app failed: HTTP status 500"),
                life.failureMessage());
    }

    @Test
    void anHttpGetPostStartNobodyAnswersKillsTheContainer() throws Exception {
        server.stop(0);
        ContainerRecord c =
                engine.play(List.of(pod(get("/started"), null)), false)
                        .getFirst()
                        .containers()
                        .getFirst();
        assertTrue(host.events().contains("kill KILL web-app"), host.events().toString());
        assertTrue(
                life(c).failureMessage().contains("failed: Connection refused"),
                life(c).failureMessage());
    }

    @Test
    void anHttpGetPreStopIsMadeBeforeTheStopSignal() throws Exception {
        engine.play(List.of(pod(null, get("/quit"))), false);
        engine.stop("web", 5L);
        assertEquals(List.of("/quit yes"), requests, "made before the app was signalled");
        assertTrue(host.events().contains("kill TERM web-app"), host.events().toString());
        assertFalse(host.running("web-app"));
    }

    @Test
    void aFailingHttpGetPreStopDoesNotKeepTheContainerFromStopping() throws Exception {
        status = 503;
        engine.play(List.of(pod(null, get("/quit"))), false);
        engine.stop("web", 5L);
        assertEquals(List.of("/quit yes"), requests);
        assertFalse(host.running("web-app"));
    }
}
