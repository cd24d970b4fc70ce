package io.jpod.runtime.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NotifyRelayTest {

    @Test
    void theHostPidComesFirstAndTheContainersOwnGoes() {
        assertEquals(
                "MAINPID=4242\nSTATUS=serving\nREADY=1",
                NotifyRelay.rewrite("MAINPID=1\nSTATUS=serving\nREADY=1\n", 4242));
        assertEquals("MAINPID=7\nREADY=1", NotifyRelay.rewrite("READY=1", 7));
    }

    @Test
    void theContainerGetsTheMountedSocket() {
        assertEquals("NOTIFY_SOCKET=/run/notify/notify.sock", NotifyRelay.containerEnv());
    }
}
