package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * An image whose working directory and mount targets run through symbolic links out of its root
 * (absolute, relative climbing above it, looping) to a host directory: nothing is made there. What
 * can be made inside the root is, and the pod runs; what cannot is an error naming the container
 * and the path, and leaves no pod.
 */
class RootfsEscapeIT {

    /** How a test runs a command line: as the rootless user, or as root. */
    private interface Runner {
        Jpod.Result run(String... args) throws Exception;
    }

    private static String image(Path host) {
        return String.join(
                "\n",
                "set -eu",
                "w=$(mktemp -d)",
                "r=$w/rootfs",
                "mkdir -p $r/bin $r/etc $r/tmp $r/proc $r/sys $r/dev",
                "cp /bin/busybox $r/bin/busybox",
                "for a in sh sleep test pwd; do ln -s busybox $r/bin/$a; done",
                "echo 'root:x:0:0:root:/root:/bin/sh' > $r/etc/passwd",
                "echo 'root:x:0:' > $r/etc/group",
                // the links' targets exist on the host, so following a link there could make
                // something
                "mkdir -p " + host,
                "ln -s " + host + " $r/wd",
                "ln -s ../../../../../.." + host + " $r/rel",
                "ln -s /loop2 $r/loop",
                "ln -s /loop $r/loop2",
                "ln -s " + host + " $r/mnt",
                "tar --numeric-owner --owner=0 --group=0 -C $r -cf $w/rootfs.tar .",
                "\"$JPOD\" import $w/rootfs.tar jpod-escape:latest --change 'ENV PATH=/bin'"
                        + " --change 'WORKDIR /wd/sub' --change 'CMD [\"sh\"]'",
                "rm -rf $w");
    }

    private static final String CONTAINED =
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: escape
            spec:
              terminationGracePeriodSeconds: 1
              containers:
              - name: image-wd
                image: localhost/jpod-escape:latest
                command: ["sleep", "600"]
                volumeMounts:
                - name: scratch
                  mountPath: /mnt/data
              - name: rel-wd
                image: localhost/jpod-escape:latest
                workingDir: /rel/sub2
                command: ["sleep", "600"]
                volumeMounts:
                - name: scratch
                  mountPath: /wd/mounted
              volumes:
              - name: scratch
                emptyDir: {}
            """;

    private static final String LOOPING =
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: escape-loop
            spec:
              containers:
              - name: app
                image: localhost/jpod-escape:latest
                workingDir: /loop/x
                command: ["sleep", "600"]
            """;

    @Test
    void rootless() throws Exception {
        Jpod jpod = Jpod.get();
        check(jpod, jpod::run, "rootless");
    }

    @Test
    void rootful() throws Exception {
        assumeTrue(Jpod.asRoot(), "rootful mode needs root");
        Jpod jpod = Jpod.get();
        String self = jpod.stage().resolve("jpod").toString();
        check(
                jpod,
                args -> {
                    String[] full = new String[args.length + 1];
                    full[0] = self;
                    System.arraycopy(args, 0, full, 1, args.length);
                    return jpod.runRootful(full);
                },
                "rootful");
    }

    private static void assertNothingIn(Path host, String mode) throws Exception {
        try (var made = Files.list(host)) {
            assertEquals(List.of(), made.toList(), mode + ": made on the host through a link");
        }
    }

    private static void check(Jpod jpod, Runner jpodRun, String mode) throws Exception {
        Path host = Path.of("/tmp/jpod-escape-" + UUID.randomUUID());
        try {
            check(jpod, jpodRun, mode, host);
        } finally {
            if (Files.exists(host)) {
                try (var walk = Files.walk(host)) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    private static void check(Jpod jpod, Runner jpodRun, String mode, Path host) throws Exception {
        Jpod.Result built =
                mode.equals("rootless")
                        ? jpod.script(List.of("sh", "-c", image(host)))
                        : jpod.runRootful("sh", "-c", image(host));
        assertEquals(0, built.exitCode(), built.all());
        Path contained =
                Files.writeString(jpod.stage().resolve("escape-" + mode + ".yaml"), CONTAINED);
        Path looping =
                Files.writeString(jpod.stage().resolve("escape-loop-" + mode + ".yaml"), LOOPING);
        Jpod.Result played = jpodRun.run("play", "kube", contained.toString());
        try {
            assertEquals(0, played.exitCode(), played.all());
            assertNothingIn(host, mode);
            Jpod.Result pwd = jpodRun.run("exec", "escape-image-wd", "pwd");
            // the container resolves its links inside its root: the same path, in there
            assertEquals(host + "/sub\n", pwd.out(), pwd.all());
            Jpod.Result rel = jpodRun.run("exec", "escape-rel-wd", "pwd");
            assertEquals(host + "/sub2\n", rel.out(), rel.all());
            assertEquals(
                    0,
                    jpodRun.run("exec", "escape-image-wd", "test", "-d", "/mnt/data").exitCode());
            assertEquals(
                    0,
                    jpodRun.run("exec", "escape-rel-wd", "test", "-d", "/wd/mounted").exitCode());
            assertNothingIn(host, mode);
        } finally {
            if (played.exitCode() == 0) {
                Jpod.Result down = jpodRun.run("kube", "down", contained.toString());
                assertEquals(0, down.exitCode(), down.all());
            }
        }
        Jpod.Result loop = jpodRun.run("play", "kube", looping.toString());
        assertEquals(125, loop.exitCode(), loop.all());
        assertTrue(
                loop.err().contains("escape-loop-app") && loop.err().contains("/loop/x"),
                loop.err());
        assertFalse(jpodRun.run("pod", "ps").out().contains("escape-loop"), "no pod is left");
        assertNothingIn(host, mode);
        assertEquals(0, jpodRun.run("rmi", "localhost/jpod-escape:latest").exitCode());
    }
}
