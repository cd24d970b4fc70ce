package io.jpod.runtime.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

class SocketHandoffTest {

    private static final ListenFds FDS = new ListenFds(List.of(3), List.of("web"));

    private static SocketHandoff.Pod pod(String name, String asks, boolean sharedPid) {
        return new SocketHandoff.Pod(
                name,
                asks == null ? Map.of("other", "x") : Map.of(SocketHandoff.ANNOTATION, asks),
                List.of("server", "sidecar"),
                sharedPid);
    }

    @Test
    void theContainerThePodNamesGetsThemAll() {
        assertEquals(
                Optional.of(new SocketHandoff("b", "server", FDS)),
                SocketHandoff.choose(
                        List.of(pod("a", null, false), pod("b", " server", false)), FDS));
        assertEquals(Optional.empty(), SocketHandoff.choose(List.of(pod("a", null, false)), FDS));
    }

    @Test
    void anUnknownContainerTwoAskersOrASharedPidNamespaceAreRefused() {
        String unknown =
                assertThrows(
                                IllegalArgumentException.class,
                                () -> SocketHandoff.choose(List.of(pod("a", "web", false)), FDS))
                        .getMessage();
        assertTrue(
                unknown.contains("pod a: annotation io.jpod/listen-fds names container web"),
                unknown);
        String two =
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        SocketHandoff.choose(
                                                List.of(
                                                        pod("a", "server", false),
                                                        pod("b", "sidecar", false)),
                                                FDS))
                        .getMessage();
        assertTrue(two.contains("a/server and b/sidecar ask for them"), two);
        String shared =
                assertThrows(
                                IllegalArgumentException.class,
                                () -> SocketHandoff.choose(List.of(pod("a", "server", true)), FDS))
                        .getMessage();
        assertTrue(shared.contains("shareProcessNamespace or hostPID"), shared);
    }
}
