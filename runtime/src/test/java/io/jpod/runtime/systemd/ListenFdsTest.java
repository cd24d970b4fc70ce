package io.jpod.runtime.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

class ListenFdsTest {

    @Test
    void socketsOfThisProcessWithTheirNames() {
        ListenFds fds =
                ListenFds.from(
                                Map.of(
                                        "LISTEN_PID",
                                        "42",
                                        "LISTEN_FDS",
                                        "2",
                                        "LISTEN_FDNAMES",
                                        "web:"),
                                42)
                        .orElseThrow();
        assertEquals(List.of(3, 4), fds.fds());
        assertEquals(List.of("web", "unknown"), fds.names());
        assertEquals(
                List.of("LISTEN_FDS=2", "LISTEN_PID=1", "LISTEN_FDNAMES=web:unknown"),
                fds.containerEnv());
    }

    @Test
    void anotherProcesssSocketsOrNoneAreNotOurs() {
        assertEquals(
                Optional.empty(),
                ListenFds.from(Map.of("LISTEN_PID", "41", "LISTEN_FDS", "1"), 42));
        assertEquals(Optional.empty(), ListenFds.from(Map.of("LISTEN_FDS", "1"), 42));
        assertEquals(
                Optional.empty(),
                ListenFds.from(Map.of("LISTEN_PID", "42", "LISTEN_FDS", "0"), 42));
        assertEquals(
                Optional.empty(),
                ListenFds.from(Map.of("LISTEN_PID", "42", "LISTEN_FDS", "two"), 42));
        assertEquals(
                List.of("unknown"),
                ListenFds.from(Map.of("LISTEN_PID", "42", "LISTEN_FDS", "1"), 42)
                        .orElseThrow()
                        .names());
    }
}
