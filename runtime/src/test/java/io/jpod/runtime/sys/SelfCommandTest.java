package io.jpod.runtime.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.List;

class SelfCommandTest {

    @Test
    void keepsJvmOptionsAndJarButNotTheCommandsArguments() {
        assertEquals(
                List.of("java", "-XX:AOTCache=j.aot", "-XX:+UseSerialGC", "-jar", "jpod.jar"),
                SelfCommand.jvmPart(
                        List.of(
                                "java",
                                "-XX:AOTCache=j.aot",
                                "-XX:+UseSerialGC",
                                "-jar",
                                "jpod.jar",
                                "play",
                                "kube",
                                "-")));
    }

    @Test
    void keepsClassPathAndMainClass() {
        assertEquals(
                List.of("java", "-cp", "a.jar:b.jar", "io.jpod.cli.Main"),
                SelfCommand.jvmPart(
                        List.of("java", "-cp", "a.jar:b.jar", "io.jpod.cli.Main", "ps", "-a")));
    }
}
