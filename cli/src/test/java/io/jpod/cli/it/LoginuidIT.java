package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The audit story: a container started by jpod carries the loginuid of the user who ran jpod,
 * because every process descends from that user's invocation. Needs root (to set a loginuid) and,
 * for the audit half, auditd.
 */
class LoginuidIT {

    @Test
    void containerCarriesTheCallersLoginuidAndAuditRecordsIt() throws Exception {
        assumeTrue(
                Jpod.asRoot(),
                "setting a loginuid needs root: run the integration tests as root (dev/test)");
        Jpod jpod = Jpod.get();
        Path dir = Files.createDirectories(jpod.stage().resolve("audit-target"));
        Path target = dir.resolve("target");
        Files.writeString(target, "");
        new ProcessBuilder("chown", "-R", jpod.user() + ":", dir.toString()).start().waitFor();
        String key = "jpod-it-" + ProcessHandle.current().pid();
        boolean audit =
                new ProcessBuilder("auditctl", "-w", target.toString(), "-p", "wa", "-k", key)
                                        .redirectErrorStream(true)
                                        .start()
                                        .waitFor()
                                == 0
                        && new ProcessBuilder("pgrep", "-x", "auditd").start().waitFor() == 0;
        Path manifest = jpod.stage().resolve("it/audit-played.yaml");
        Files.writeString(
                manifest,
                Files.readString(jpod.stage().resolve("it/audit.yaml"))
                        .replace("AUDIT_DIR", dir.toString()));
        new ProcessBuilder("chmod", "644", manifest.toString()).start().waitFor();
        try {
            Jpod.Result played =
                    jpod.runWithLoginuid(jpod.uid(), "play", "kube", manifest.toString());
            assertEquals(0, played.exitCode(), played.all());
            long pid =
                    new ObjectMapper()
                            .readTree(jpod.run("inspect", "audited-writer").out())
                            .get(0)
                            .at("/State/Pid")
                            .asLong();
            assertEquals(
                    Long.toString(jpod.uid()),
                    Files.readString(Path.of("/proc", Long.toString(pid), "loginuid")).strip(),
                    "the container process must carry the caller's loginuid");
            for (int i = 0; i < 50 && Files.readString(target).isEmpty(); i++) {
                Thread.sleep(100);
            }
            assertEquals("written\n", Files.readString(target));
            if (!audit) {
                System.err.println(
                        "LoginuidIT: kernel audit unavailable (auditctl/auditd): audit record not"
                                + " checked");
                return;
            }
            String records = "";
            for (int i = 0; i < 50 && !records.contains("auid=" + jpod.user()); i++) {
                Thread.sleep(100);
                // ausearch reads stdin instead of the logs when stdin is a pipe
                Process p =
                        new ProcessBuilder("ausearch", "--input-logs", "-k", key, "-i")
                                .redirectErrorStream(true)
                                .redirectInput(
                                        ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                                .start();
                records = new String(p.getInputStream().readAllBytes());
                p.waitFor();
            }
            assertTrue(
                    records.contains("auid=" + jpod.user()),
                    "no audit record with auid=" + jpod.user() + ":\n" + records);
        } finally {
            jpod.run("pod", "rm", "-f", "audited");
            if (audit) {
                new ProcessBuilder("auditctl", "-W", target.toString(), "-p", "wa", "-k", key)
                        .start()
                        .waitFor();
            }
        }
    }
}
