package io.jpod.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jpod.runtime.JpodException;

import org.junit.jupiter.api.Test;

class WaitTimeoutTest {

    @Test
    void kubectlDurations() throws Exception {
        assertEquals(60_000, WaitTimeout.millis("60s"));
        assertEquals(60_000, WaitTimeout.millis("60"));
        assertEquals(5_400_000, WaitTimeout.millis("1h30m"));
        assertEquals(500, WaitTimeout.millis("500ms"));
        assertThrows(JpodException.class, () -> WaitTimeout.millis("soon"));
    }

    @Test
    void aManifestAfterWaitReadyIsNotTakenForATimeout() {
        assertFalse(WaitTimeout.looksLike("pod.yaml"));
        assertFalse(WaitTimeout.looksLike("-"));
    }

    @Test
    void podTargets() throws Exception {
        assertEquals("web", WaitCommand.podName("pod/web"));
        assertEquals("web", WaitCommand.podName("pods/web"));
        assertEquals("web", WaitCommand.podName("web"));
        assertThrows(JpodException.class, () -> WaitCommand.podName("deployment/web"));
    }
}
