package io.jpod.runtime.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

class ProberProcessTest {

    @Test
    void theProbersFlagsComeAfterTheLaunchersSoTheyWin() {
        List<String> argv =
                ProberProcess.withFlags(
                        List.of("/jdk/bin/java", "-XX:TieredStopAtLevel=1", "-jar", "jpod.jar"));
        List<String> want = new ArrayList<>(List.of("/jdk/bin/java", "-XX:TieredStopAtLevel=1"));
        want.addAll(ProberProcess.JVM_FLAGS);
        want.addAll(List.of("-jar", "jpod.jar"));
        assertEquals(want, argv);
    }

    @Test
    void theProberKeepsNoStacksOfEndedThreadsAndTwoMallocArenas() {
        Map<String, String> env = new HashMap<>();
        ProberProcess.tuneGlibc(env);
        assertEquals(
                Map.of(
                        "MALLOC_ARENA_MAX",
                        "2",
                        "GLIBC_TUNABLES",
                        "glibc.pthread.stack_cache_size=0"),
                env);
    }

    @Test
    void theCallersGlibcTunablesStay() {
        Map<String, String> env =
                new HashMap<>(Map.of("GLIBC_TUNABLES", "glibc.malloc.tcache_count=0"));
        ProberProcess.tuneGlibc(env);
        assertEquals(
                "glibc.malloc.tcache_count=0:glibc.pthread.stack_cache_size=0",
                env.get("GLIBC_TUNABLES"));
    }
}
