package io.jpod.runtime.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.time.Duration;

class RetriesTest {

    @Test
    void theDefaultIsPodmansThreeTriesTwoSecondsApartDoubling() {
        assertEquals(3, Retries.DEFAULT.attempts());
        assertEquals(Duration.ofSeconds(2), Retries.DEFAULT.first());
    }

    @Test
    void aShorterFirstWaitKeepsTheTries() {
        Retries quick = Retries.startingAt(Duration.ofMillis(100));
        assertEquals(Retries.DEFAULT.attempts(), quick.attempts());
        assertEquals(Duration.ofMillis(100), quick.first());
    }
}
