package io.jpod.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzzing of the manifest reader (Jazzer). Every input must end in a model or in
 * located problems, never in another exception; and a pod jpod reads, it writes back so that it
 * reads the same. Without {@code JAZZER_FUZZ} only the seeds and past findings run (kept beside
 * this class under {@code ManifestFuzzTestInputs/}); with it, the fuzzer runs for maxDuration, as
 * {@code dev/test} does. Before a change to the readers lands, fuzz for longer than CI does ({@code
 * JAZZER_FUZZ=1 JAZZER_MAX_DURATION=600s}), so that CI's short run is unlikely to be the first to
 * find what the change broke.
 */
class ManifestFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void everyInputEndsInAModelOrLocatedErrors(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        ManifestSet set;
        try {
            set = ManifestLoader.parse("fuzz.yaml", text);
        } catch (ManifestException e) {
            assertFalse(e.problems().isEmpty(), "a failure names at least one problem");
            for (Problem p : e.problems()) {
                assertEquals("fuzz.yaml", p.file(), p.toString());
                assertFalse(p.message().isBlank(), p.toString());
            }
            return;
        }
        for (PodModel pod : set.pods()) {
            String yaml = ManifestWriter.write(pod, OutputKind.POD, set);
            ManifestSet back;
            try {
                back = ManifestLoader.parse("written.yaml", yaml);
            } catch (ManifestException e) {
                throw new AssertionError(
                        "jpod cannot read what it wrote:\n" + yaml + "\n" + e.problems(), e);
            }
            assertEquals(List.of(pod.asPod()), back.pods(), yaml);
            if (set.notices().isEmpty()) {
                // a clean input writes out clean; a notice the input drew (say a claim it does
                // not define) rightly comes back with the written pod
                assertTrue(back.notices().isEmpty(), () -> back.notices() + "\n" + yaml);
            }
        }
    }
}
