package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code cp} both ways through a running container's root, and never out of it by a link. */
class CopyIT {

    @Test
    void copiesBothWaysAndNeverFollowsALinkOut() throws Exception {
        Jpod jpod = Jpod.get();
        Path host = jpod.stage().resolve("cp-host");
        Path victim = jpod.stage().resolve("cp-victim");
        sh(
                jpod,
                "mkdir -p "
                        + host
                        + "/tree/sub "
                        + victim
                        + " && echo world > "
                        + host
                        + "/b.txt"
                        + " && echo deep > "
                        + host
                        + "/tree/sub/c.txt"
                        + " && echo secret > "
                        + victim
                        + "/secret");
        Jpod.Result played =
                jpod.run("play", "kube", jpod.stage().resolve("it/copy.yaml").toString());
        assertEquals(0, played.exitCode(), played.all());
        try {
            exec(
                    jpod,
                    "mkdir -p /data/sub && echo hello > /data/sub/a.txt"
                            + " && ln -s /etc /evil && ln -s "
                            + victim
                            + " /escape");

            ok(jpod.run("cp", "copy-app:/data/sub/a.txt", host + "/a.txt"));
            assertEquals("hello\n", Files.readString(host.resolve("a.txt")));
            ok(jpod.run("cp", "copy-app:/data", host + "/out"));
            assertEquals("hello\n", Files.readString(host.resolve("out/sub/a.txt")));

            ok(jpod.run("cp", host + "/b.txt", "copy-app:/data/"));
            assertEquals("world\n", exec(jpod, "cat /data/b.txt"));
            assertEquals("0:0\n", exec(jpod, "stat -c %u:%g /data/b.txt"));
            ok(jpod.run("cp", host + "/tree", "copy-app:/data/tree"));
            assertEquals("deep\n", exec(jpod, "cat /data/tree/sub/c.txt"));

            // a volume's files are the volume's, not hidden under its mount point in the root
            ok(jpod.run("cp", host + "/b.txt", "copy-app:/scratch/"));
            assertEquals("world\n", exec(jpod, "cat /scratch/b.txt"));
            exec(jpod, "echo in-volume > /scratch/v.txt");
            ok(jpod.run("cp", "copy-app:/scratch/v.txt", host + "/v.txt"));
            assertEquals("in-volume\n", Files.readString(host.resolve("v.txt")));

            // /evil is the container's /etc, not the host's
            ok(jpod.run("cp", "copy-app:/evil/passwd", host + "/passwd"));
            assertEquals(exec(jpod, "cat /etc/passwd"), Files.readString(host.resolve("passwd")));
            assertNotEquals(
                    Files.readString(Path.of("/etc/passwd")),
                    Files.readString(host.resolve("passwd")));
            ok(jpod.run("cp", host + "/b.txt", "copy-app:/evil/x"));
            assertFalse(Files.exists(Path.of("/etc/x")));
            assertEquals("world\n", exec(jpod, "cat /etc/x"));

            // a link to a host directory the container does not have leads nowhere
            assertNotEquals(
                    0, jpod.run("cp", "copy-app:/escape/secret", host + "/stolen").exitCode());
            assertFalse(Files.exists(host.resolve("stolen")));
            assertNotEquals(0, jpod.run("cp", host + "/b.txt", "copy-app:/escape/x").exitCode());
            Jpod.Result onto = jpod.run("cp", host + "/b.txt", "copy-app:/escape");
            assertNotEquals(0, onto.exitCode(), onto.all());
            assertEquals(List.of(victim.resolve("secret")), list(victim));
            assertEquals("/etc\n", exec(jpod, "readlink /evil"));

            // tar streams both ways
            Jpod.Result tar = sh(jpod, "\"$JPOD\" cp copy-app:/data - | tar -tf - | sort");
            assertTrue(tar.out().contains("data/sub/a.txt\n"), tar.all());
            sh(jpod, "tar -C " + host + " -cf - b.txt | \"$JPOD\" cp - copy-app:/tmp");
            assertEquals("world\n", exec(jpod, "cat /tmp/b.txt"));
        } finally {
            jpod.run("pod", "rm", "-f", "-a");
        }
    }

    private static void ok(Jpod.Result r) {
        assertEquals(0, r.exitCode(), r.all());
    }

    private static String exec(Jpod jpod, String script) throws Exception {
        Jpod.Result r = jpod.run("exec", "copy-app", "sh", "-c", script);
        assertEquals(0, r.exitCode(), r.all());
        return r.out();
    }

    private static Jpod.Result sh(Jpod jpod, String script) throws Exception {
        Jpod.Result r = jpod.script(List.of("sh", "-c", script));
        assertEquals(0, r.exitCode(), r.all());
        return r;
    }

    private static List<Path> list(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.toList();
        }
    }
}
