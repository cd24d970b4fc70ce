package io.jpod.runtime.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

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
    void theProberStartsWithoutTheLaunchersAotCache() {
        List<String> argv =
                ProberProcess.withFlags(
                        List.of(
                                "/jdk/bin/java",
                                "-XX:AOTCache=/clone/cli/target/jpod.aot",
                                "-Xlog:aot=off",
                                "-jar",
                                "jpod.jar"));
        List<String> want = new ArrayList<>(List.of("/jdk/bin/java", "-Xlog:aot=off"));
        want.addAll(ProberProcess.JVM_FLAGS);
        want.addAll(List.of("-jar", "jpod.jar"));
        assertEquals(want, argv);
    }
}
