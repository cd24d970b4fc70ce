package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/** Containers that ignore SIGTERM are killed after the grace period; none survives the teardown. */
class StubbornTeardownIT {

    @Test
    void containersIgnoringSigtermAreKilled() throws Exception {
        Jpod jpod = Jpod.get();
        String manifest = jpod.stage().resolve("it/stubborn.yaml").toString();
        Jpod.Result played = jpod.run("play", "kube", manifest);
        assertEquals(0, played.exitCode(), played.all());
        List<Long> pids = new ArrayList<>();
        for (String c : List.of("a", "b", "c")) {
            pids.add(
                    new ObjectMapper()
                            .readTree(jpod.run("inspect", "stubborn-" + c).out())
                            .get(0)
                            .at("/State/Pid")
                            .asLong());
        }
        Jpod.Result down = jpod.run("kube", "down", manifest);
        assertEquals(0, down.exitCode(), down.all());
        for (long pid : pids) {
            assertFalse(Processes.running(pid), "container " + pid + " survived");
        }
        assertEquals("", jpod.run("ps", "-a", "-q").out());
    }
}
