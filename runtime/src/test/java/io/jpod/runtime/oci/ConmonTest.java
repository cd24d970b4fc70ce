package io.jpod.runtime.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.sys.HostProcesses;
import io.jpod.runtime.sys.Processes;
import io.jpod.runtime.sys.RecordingProcesses;
import io.jpod.runtime.sys.RecordingProcesses.FakeProcess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

class ConmonTest {

    @TempDir Path dir;

    private final RecordingProcesses processes = new RecordingProcesses();

    private Conmon.Launch launch(long logSizeMax) throws IOException {
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        return new Conmon.Launch(
                "c".repeat(64),
                "web-app",
                bundle,
                dir.resolve("exits"),
                dir.resolve("sock"),
                Optional.of(dir.resolve("ctr.log")),
                logSizeMax,
                List.of());
    }

    private Conmon conmon() {
        return new Conmon(
                Path.of("/usr/bin/conmon"),
                new OciRuntime(
                        "runc", Path.of("/usr/bin/runc"), Path.of("/run/jpod/runc"), processes),
                processes);
    }

    /**
     * Scripts conmon: it writes {@code files} into the bundle (as conmon and the runtime would),
     * then the pipe.
     */
    private void conmonSays(String syncPipe, Path bundle, String... files) {
        processes.onSpawn(
                List.of("sh"),
                argv -> {
                    try {
                        for (int i = 0; i < files.length; i += 2) {
                            Files.writeString(bundle.resolve(files[i]), files[i + 1]);
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return new FakeProcess(4321, syncPipe, 0);
                });
    }

    @Test
    void returnsThePidFromTheSyncPipeAndConmonsOwnPid() throws Exception {
        Conmon.Launch l = launch(0);
        conmonSays("\n{\"data\": 1234}\n", l.bundle(), "conmon.pid", "777\n");
        assertEquals(new Conmon.Created(777, 1234), conmon().create(l));
        ProcessBuilder b = processes.spawned().getFirst();
        assertEquals("3", b.environment().get("_OCI_SYNCPIPE"));
        List<String> argv = b.command();
        // the trampoline moves conmon's fd 3 onto the stdout we read
        assertEquals(
                List.of("sh", "-c", Conmon.TRAMPOLINE, "sh", "/usr/bin/conmon"),
                argv.subList(0, 5));
        assertTrue(
                String.join(" ", argv).contains("-r /usr/bin/runc -b " + l.bundle()),
                argv.toString());
        assertTrue(
                String.join(" ", argv)
                        .contains("--runtime-arg --root --runtime-arg /run/jpod/runc"),
                argv.toString());
        assertTrue(argv.contains("k8s-file:" + l.logFile().orElseThrow()), argv.toString());
        assertTrue(!argv.contains("--log-size-max"), "no limit unless asked");
        assertEquals(1, processes.calls().size(), "nothing else run");
    }

    @Test
    void keepsNoLogWithTheNoneDriver() throws Exception {
        Conmon.Launch full = launch(0);
        Conmon.Launch l =
                new Conmon.Launch(
                        full.id(),
                        full.name(),
                        full.bundle(),
                        full.exitDir(),
                        full.socketDir(),
                        Optional.empty(),
                        0,
                        List.of());
        conmonSays("{\"data\": 1234}\n", l.bundle(), "conmon.pid", "777");
        conmon().create(l);
        List<String> argv = processes.spawned().getFirst().command();
        int at = argv.indexOf("-l");
        assertEquals("none", argv.get(at + 1), argv.toString());
    }

    @Test
    void passesTheLogSizeLimit() throws Exception {
        Conmon.Launch l = launch(1 << 20);
        conmonSays("{\"data\": 1234}\n", l.bundle(), "conmon.pid", "777");
        conmon().create(l);
        List<String> argv = processes.spawned().getFirst().command();
        assertEquals(
                List.of("--log-size-max", "1048576"), argv.subList(argv.size() - 2, argv.size()));
    }

    @Test
    void anErrorMessageOnThePipeIsReported() throws Exception {
        Conmon.Launch l = launch(0);
        conmonSays(
                "{\"data\": -1, \"message\": \"executable file `nope` not found in $PATH\"}\n",
                l.bundle());
        IOException e = assertThrows(IOException.class, () -> conmon().create(l));
        assertEquals(
                "creating container web-app: executable file `nope` not found in $PATH",
                e.getMessage());
    }

    @Test
    void eofFallsBackToTheRuntimesErrorLog() throws Exception {
        Conmon.Launch l = launch(0);
        conmonSays(
                "",
                l.bundle(),
                "oci-log",
                """
                {"level":"warning","msg":"ignored","time":"2024-05-01T10:00:00Z"}
                {"level":"error","msg":"runc create failed: unable to start container process","time":"2024-05-01T10:00:00Z"}
                not json at all
                """);
        IOException e = assertThrows(IOException.class, () -> conmon().create(l));
        assertEquals(
                "creating container web-app: runc create failed: unable to start container process"
                        + " not json at all",
                e.getMessage());
    }

    @Test
    void errorWithoutMessageUsesTheRuntimeLogToo() throws Exception {
        Conmon.Launch l = launch(0);
        conmonSays(
                "{\"data\": -1}\n",
                l.bundle(),
                "oci-log",
                "{\"level\":\"error\",\"msg\":\"mount failed\"}\n");
        IOException e = assertThrows(IOException.class, () -> conmon().create(l));
        assertEquals("creating container web-app: mount failed", e.getMessage());
    }

    @Test
    void aStaleRuntimeLogFromAnEarlierAttemptIsNotReported() throws Exception {
        Conmon.Launch l = launch(0);
        Files.writeString(
                l.bundle().resolve("oci-log"), "{\"level\":\"error\",\"msg\":\"old failure\"}\n");
        conmonSays("{\"data\": -1}\n", l.bundle(), "conmon.log", "conmon: runtime died\n");
        IOException e = assertThrows(IOException.class, () -> conmon().create(l));
        assertEquals("creating container web-app: conmon: runtime died", e.getMessage());
    }

    @Test
    void eofWithNoErrorAnywhereIsReportedWithConmonsStatusAndNotRetried() throws Exception {
        Conmon.Launch l = launch(0);
        Path fake = fakeConmon("exit 3");
        IOException e =
                assertThrows(IOException.class, () -> conmon(fake, new HostProcesses()).create(l));
        assertEquals(
                "creating container web-app: conmon exited (status 3) without a pid or an error",
                e.getMessage());
    }

    /**
     * conmon's first process leaves before its daemon half writes the pid. The JDK closes a child's
     * stdout once the child has exited, so a caller that reaches the pipe after that saw end of
     * file with the old trampoline, whose child was conmon itself.
     */
    @Test
    void aCallerThatReadsLateStillGetsThePid() throws Exception {
        Conmon.Launch l = launch(0);
        Path fake =
                fakeConmon(
                        """
                        echo 777 > "$pidfile"
                        ( sleep 0.3; echo '{"data": 4242}' >&3 ) &
                        exit 0\
                        """);
        HostProcesses host = new HostProcesses();
        // the host's processes, except that spawn returns late, as under load
        Processes late =
                (Processes)
                        java.lang.reflect.Proxy.newProxyInstance(
                                Processes.class.getClassLoader(),
                                new Class<?>[] {Processes.class},
                                (proxy, method, args) -> {
                                    Object result;
                                    try {
                                        result = method.invoke(host, args);
                                    } catch (java.lang.reflect.InvocationTargetException e) {
                                        throw e.getCause();
                                    }
                                    if (method.getName().equals("spawn")) {
                                        Thread.sleep(600);
                                    }
                                    return result;
                                });
        assertEquals(new Conmon.Created(777, 4242), conmon(fake, late).create(l));
    }

    /** A stand-in for conmon: {@code $pidfile} is its -P argument; {@code body} does the rest. */
    private Path fakeConmon(String body) throws IOException {
        Path script = dir.resolve("conmon");
        Files.writeString(
                script,
                """
                #!/bin/sh
                while [ $# -gt 0 ]; do [ "$1" = -P ] && pidfile=$2; shift; done
                """
                        + body
                        + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private Conmon conmon(Path binary, Processes with) {
        return new Conmon(
                binary,
                new OciRuntime("runc", Path.of("/usr/bin/runc"), Path.of("/run/jpod/runc"), with),
                with);
    }
}
