package io.jpod.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.Map;

class NetworkChoiceTest {

    @Test
    void theEnvironmentChoosesElseSlirp4netns() {
        assertEquals("slirp4netns (default)", NetworkChoice.describe(Map.of()));
        assertEquals("slirp4netns (default)", NetworkChoice.describe(Map.of("JPOD_NETWORK", " ")));
        assertEquals(
                "pasta (set by JPOD_NETWORK)",
                NetworkChoice.describe(Map.of("JPOD_NETWORK", "pasta")));
    }
}
