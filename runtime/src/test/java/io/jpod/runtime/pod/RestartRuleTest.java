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

    @Test
    void aShorterBaseKeepsTheShape() {
        assertEquals(0, RestartRule.backoffMillis(0, 1000));
        assertEquals(1000, RestartRule.backoffMillis(1, 1000));
        assertEquals(4000, RestartRule.backoffMillis(3, 1000));
        assertEquals(30_000, RestartRule.backoffMillis(40, 1000), "capped at 30 times the base");
    }

    @Test
    void theBaseIsADurationInTheEnvironment() {
        assertEquals(10_000, RestartRule.baseMillis(java.util.Map.of()));
        assertEquals(500, RestartRule.baseMillis(java.util.Map.of(RestartRule.BASE_ENV, "500ms")));
        assertEquals(1000, RestartRule.baseMillis(java.util.Map.of(RestartRule.BASE_ENV, "1s")));
        assertEquals(1500, RestartRule.baseMillis(java.util.Map.of(RestartRule.BASE_ENV, "1.5s")));
        assertEquals(120_000, RestartRule.baseMillis(java.util.Map.of(RestartRule.BASE_ENV, "2m")));
        assertEquals(
                10_000,
                RestartRule.baseMillis(java.util.Map.of(RestartRule.BASE_ENV, "soon")),
                "not a duration: Kubernetes' base");
        assertEquals(
                10_000,
                RestartRule.baseMillis(java.util.Map.of(RestartRule.BASE_ENV, "1000")),
                "a unit is required");
    }
}
