package io.jpod.runtime.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

class ContainerChoiceTest {

    private static ContainerChoice.Pod pod(String name, String asks, boolean sharedPid) {
        return new ContainerChoice.Pod(
                name,
                asks == null ? Map.of("other", "x") : Map.of(SocketHandoff.ANNOTATION, asks),
                List.of("server", "sidecar"),
                sharedPid);
    }

    @Test
    void theContainerThePodNamesGetsThemAll() {
        assertEquals(
                Optional.of(new ContainerChoice("b", "server")),
                ContainerChoice.choose(
                        List.of(pod("a", null, false), pod("b", " server", false)),
                        SocketHandoff.ANNOTATION,
                        true));
        assertEquals(
                Optional.empty(),
                ContainerChoice.choose(
                        List.of(pod("a", null, false)), SocketHandoff.ANNOTATION, true));
    }

    @Test
    void anUnknownContainerTwoAskersOrASharedPidNamespaceAreRefused() {
        String unknown =
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        ContainerChoice.choose(
                                                List.of(pod("a", "web", false)),
                                                SocketHandoff.ANNOTATION,
                                                true))
                        .getMessage();
        assertTrue(
                unknown.contains("pod a: annotation io.jpod/listen-fds names container web"),
                unknown);
        String two =
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        ContainerChoice.choose(
                                                List.of(
                                                        pod("a", "server", false),
                                                        pod("b", "sidecar", false)),
                                                SocketHandoff.ANNOTATION,
                                                true))
                        .getMessage();
        assertTrue(two.contains("a/server and b/sidecar ask for it"), two);
        String shared =
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        ContainerChoice.choose(
                                                List.of(pod("a", "server", true)),
                                                SocketHandoff.ANNOTATION,
                                                true))
                        .getMessage();
        assertTrue(shared.contains("shareProcessNamespace or hostPID"), shared);
        // a host pid (MAINPID) does not need the container's own namespace
        assertEquals(
                Optional.of(new ContainerChoice("a", "server")),
                ContainerChoice.choose(
                        List.of(
                                new ContainerChoice.Pod(
                                        "a",
                                        Map.of(NotifyRelay.ANNOTATION, "server"),
                                        List.of("server"),
                                        true)),
                        NotifyRelay.ANNOTATION,
                        false));
    }
}
