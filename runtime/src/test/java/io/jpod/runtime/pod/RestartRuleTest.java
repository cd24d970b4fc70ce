package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RestartRuleTest {

    @Test
    void policiesFollowKubernetes() {
        assertTrue(RestartRule.restarts("Always", 0), "Always restarts even a clean exit");
        assertTrue(RestartRule.restarts("OnFailure", 1));
        assertFalse(RestartRule.restarts("OnFailure", 0), "OnFailure leaves a clean exit alone");
        assertFalse(RestartRule.restarts("Never", 137));
        assertFalse(RestartRule.hooked("Never"));
        assertTrue(RestartRule.hooked("OnFailure"));
    }

    @Test
    void backOffDoublesFromTenSecondsToFiveMinutes() {
        assertEquals(0, RestartRule.backoffMillis(0), "the first restart is immediate");
        assertEquals(10_000, RestartRule.backoffMillis(1));
        assertEquals(20_000, RestartRule.backoffMillis(2));
        assertEquals(160_000, RestartRule.backoffMillis(5));
        assertEquals(300_000, RestartRule.backoffMillis(6));
        assertEquals(300_000, RestartRule.backoffMillis(60));
    }
}
