package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * What the kubelet gives every container of a pod, as a user sees it from inside: the pod's one
 * /dev/shm, subPathExpr, projected files and modes, groups, sysctls, seccomp; and the resources
 * this host cannot apply, named in one line.
 */
class PodSpecIT {

    private final Jpod jpod;

    PodSpecIT() throws Exception {
        jpod = Jpod.get();
    }

    @AfterEach
    void clean() throws Exception {
        jpod.run("pod", "rm", "-f", "-a");
    }

    private String exec(String container, String... command) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of("exec", container));
        argv.addAll(List.of(command));
        Jpod.Result r = jpod.run(argv.toArray(String[]::new));
        assertEquals(0, r.exitCode(), String.join(" ", command) + ": " + r.all());
        return r.out();
    }

    /** Which of two paths procMount Default masks have a mount of their own in the container. */
    private List<String> procMasks(String container) throws Exception {
        return exec(container, "cat", "/proc/self/mountinfo")
                .lines()
                .map(l -> l.split(" ")[4])
                .filter(p -> p.equals("/proc/keys") || p.equals("/proc/sys"))
                .distinct()
                .sorted()
                .toList();
    }

    @Test
    void everyContainerGetsThePodsSettings() throws Exception {
        String manifest = jpod.stage().resolve("it/podspec.yaml").toString();
        Jpod.Result played = jpod.run("play", "kube", manifest);
        assertEquals(0, played.exitCode(), played.all());
        List<String> resources =
                played.err().lines().filter(l -> l.contains("resources not applied")).toList();
        assertEquals(1, resources.size(), played.err());
        assertTrue(
                resources.get(0).contains("podspec-writer limits.cpu=500m")
                        && resources.get(0).contains("podspec-writer limits.memory=64Mi"),
                resources.get(0));
        assertTrue(played.err().contains("serviceAccountToken"), played.err());

        // one /dev/shm for the pod: what the init container and the writer left, the reader sees
        String shm = "";
        for (int i = 0; i < 50 && !shm.contains("from-writer"); i++) {
            Thread.sleep(100);
            shm = exec("podspec-reader", "ls", "/dev/shm");
        }
        assertEquals("from-init\nfrom-writer\n", shm);
        assertEquals("init\n", exec("podspec-reader", "cat", "/dev/shm/from-init"));

        // subPathExpr: the writer's /per-pod is the directory named after the pod
        assertEquals("here\n", exec("podspec-reader", "cat", "/scratch/podspec/file"));

        // envFrom keeps a key that is no C identifier
        assertTrue(exec("podspec-writer", "env").lines().anyMatch("data-1=one"::equals));

        // projected: every source in one directory, with the modes the manifest gives, and
        // group-readable for fsGroup as the kubelet makes them (0600 becomes 0640)
        assertEquals("port=80\n", exec("podspec-reader", "cat", "/projected/conf/app.conf"));
        assertEquals("hunter2", exec("podspec-reader", "cat", "/projected/password"));
        assertEquals("tier=\"test\"\n", exec("podspec-reader", "cat", "/projected/labels"));
        assertEquals(
                "640\n440\n440\n",
                exec(
                        "podspec-reader",
                        "stat",
                        "-L",
                        "-c",
                        "%a",
                        "/projected/conf/app.conf",
                        "/projected/password",
                        "/projected/labels"));

        // fsGroup and supplementalGroups on every process; the pod's own volumes belong to fsGroup
        assertEquals("0 2000 3000\n", exec("podspec-reader", "id", "-G"));
        assertEquals("0 2000 3000\n", exec("podspec-writer", "id", "-G"));
        assertEquals("2000 2777\n", exec("podspec-reader", "stat", "-c", "%g %a", "/scratch"));

        // namespaced sysctls, in the pod's IPC and network namespaces
        assertEquals("123456789\n", exec("podspec-reader", "cat", "/proc/sys/kernel/shmmax"));
        assertEquals(
                "80\n",
                exec("podspec-writer", "cat", "/proc/sys/net/ipv4/ip_unprivileged_port_start"));

        // procMount Default: the runtime's masks
        assertEquals(List.of("/proc/keys", "/proc/sys"), procMasks("podspec-reader"));

        // seccomp RuntimeDefault refuses a new user namespace; the unconfined writer may make one
        Jpod.Result refused = jpod.run("exec", "podspec-reader", "unshare", "-U", "true");
        assertNotEquals(0, refused.exitCode(), refused.all());
        assertTrue(refused.err().contains("Operation not permitted"), refused.all());
        Jpod.Result allowed = jpod.run("exec", "podspec-writer", "unshare", "-U", "true");
        assertEquals(0, allowed.exitCode(), allowed.all());

        assertEquals(0, jpod.run("kube", "down", manifest).exitCode());
        assertEquals("", jpod.run("pod", "ps", "-q").out());
    }

    @Test
    void hostNamespacesUnmaskedProcAndALocalhostProfile() throws Exception {
        java.nio.file.Path profiles = jpod.dataDir().resolve("seccomp");
        java.nio.file.Files.createDirectories(profiles);
        java.nio.file.Path profile = profiles.resolve("no-mkdir.json");
        java.nio.file.Files.writeString(
                profile,
                "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"comment\": \"refuses mkdir\","
                        + " \"syscalls\": [{\"names\": [\"mkdir\", \"mkdirat\"],"
                        + " \"action\": \"SCMP_ACT_ERRNO\", \"errnoRet\": 13}]}\n");
        try {
            String manifest = jpod.stage().resolve("it/hostns.yaml").toString();
            Jpod.Result played = jpod.run("play", "kube", manifest);
            assertEquals(0, played.exitCode(), played.all());

            // hostPID: the host's processes, this test's JVM among them
            String pids = exec("hostns-app", "ls", "/proc");
            assertTrue(
                    pids.lines().anyMatch(String.valueOf(ProcessHandle.current().pid())::equals),
                    pids);
            // hostIPC: the host's IPC namespace, not one of the pod's
            String ipc = exec("hostns-app", "readlink", "/proc/self/ns/ipc").strip();
            assertEquals(
                    java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/ns/ipc"))
                            .toString(),
                    ipc);
            // procMount Unmasked: nothing mounted over /proc/keys or /proc/sys
            assertEquals(List.of(), procMasks("hostns-app"));
            // the Localhost profile: mkdir refused with the errno it names (EACCES)
            Jpod.Result mkdir = jpod.run("exec", "hostns-app", "mkdir", "/tmp/x");
            assertNotEquals(0, mkdir.exitCode(), mkdir.all());
            assertTrue(mkdir.err().contains("Permission denied"), mkdir.all());
            assertEquals(0, jpod.run("kube", "down", manifest).exitCode());
        } finally {
            java.nio.file.Files.deleteIfExists(profile);
        }
    }
}
