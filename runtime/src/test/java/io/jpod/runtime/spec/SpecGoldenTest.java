package io.jpod.runtime.spec;

import io.jpod.runtime.oci.IdMap;
import io.jpod.runtime.oci.OciConfig;
import io.jpod.runtime.pod.ContainerPlan;
import io.jpod.runtime.pod.ContainerPlan.MountPlan;
import io.jpod.runtime.pod.ContainerPlan.Propagation;
import io.jpod.runtime.pod.PodException;
import io.jpod.runtime.pod.PodPlan;
import io.jpod.runtime.pod.VolumePlan;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Plan in, config.json out, against the golden files in src/test/resources/spec (see {@link Golden}
 * to regenerate them).
 */
class SpecGoldenTest {

    private static final PodPaths PATHS =
            new PodPaths(
                    Path.of("/home/u/.local/share/jpod/pods/p0d"),
                    Path.of("/home/u/.local/share/jpod/volumes"));
    private static final Path NETNS = Path.of("/run/user/1000/jpod/netns/p0d");
    private static final String ROOTFS = "/home/u/.local/share/jpod/containers/c0/overlay/merged";
    private static final long INFRA_PID = 4242;
    private static final List<String> ENV =
            List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "A=1");

    private static PodPlan pod(
            PodPlan.NetworkMode network, boolean sharePid, List<VolumePlan> volumes) {
        return new PodPlan(
                "web", "web", Map.of(), 30, "Always", network, sharePid, List.of(), List.of(),
                List.of(), List.of(), volumes, List.of(), List.of(), "");
    }

    private static ContainerPlan container(String name, List<MountPlan> mounts) {
        return new ContainerPlan(
                name,
                "localhost/app:1",
                "sha256:" + "1".repeat(64),
                List.of("/bin/httpd", "-f", "-p", "8080"),
                ENV,
                "/srv",
                "",
                false,
                false,
                false,
                false,
                List.of(),
                List.of(),
                mounts,
                List.of());
    }

    private static ContainerPlan security(
            boolean privileged,
            boolean readOnlyRoot,
            boolean noNewPrivileges,
            List<String> add,
            List<String> drop) {
        return new ContainerPlan(
                "app",
                "localhost/app:1",
                "sha256:" + "1".repeat(64),
                List.of("/bin/sh"),
                ENV,
                "",
                "1000:3000",
                false,
                privileged,
                readOnlyRoot,
                noNewPrivileges,
                add,
                drop,
                List.of(),
                List.of());
    }

    private static void check(
            String golden, PodPlan plan, ContainerPlan c, long uid, long gid, boolean rootless)
            throws Exception {
        Path netns = plan.network() == PodPlan.NetworkMode.HOST ? null : NETNS;
        SpecInput in =
                SpecInput.of(
                        PodInput.of(plan, PATHS, netns, null),
                        c,
                        uid,
                        gid,
                        "/home/u/.local/share/jpod/containers/c1/termination-log");
        Golden.check(
                golden, OciConfig.toJson(SpecGenerator.generate(in, ROOTFS, INFRA_PID, rootless)));
    }

    private static void check(String golden, PodPlan plan, ContainerPlan c) throws Exception {
        check(golden, plan, c, 0, 0, true);
    }

    @Test
    void infraRootlessHoldsTheNamespaces() throws Exception {
        Golden.check(
                "infra-rootless",
                OciConfig.toJson(
                        SpecGenerator.generate(
                                SpecInput.infra(
                                        PodInput.infra(
                                                "web",
                                                NETNS,
                                                java.nio.file.Path.of("/usr/bin/catatonit"),
                                                null)),
                                "/home/u/.local/share/jpod/containers/i0/rootfs",
                                0,
                                true)));
    }

    @Test
    void infraRootfulOnTheHostNetworkHasNoNetworkNamespace() throws Exception {
        Golden.check(
                "infra-rootful-host-network",
                OciConfig.toJson(
                        SpecGenerator.generate(
                                SpecInput.infra(
                                        PodInput.infra(
                                                "web",
                                                null,
                                                java.nio.file.Path.of("/usr/bin/catatonit"),
                                                null)),
                                "/var/lib/jpod/containers/i0/rootfs",
                                0,
                                false)));
    }

    /** hostUsers: false, rootless: container ids 0..65535 on ids 1..65536 of jpod's namespace. */
    private static final IdMap POD_USERS = new IdMap(0, 1, 65536);

    @Test
    void infraOfAPodWithItsOwnUsersCreatesTheUserAndNetworkNamespaces() throws Exception {
        Golden.check(
                "infra-own-users-rootless",
                OciConfig.toJson(
                        SpecGenerator.generate(
                                SpecInput.infra(
                                        PodInput.infra(
                                                "web",
                                                null,
                                                java.nio.file.Path.of("/usr/bin/catatonit"),
                                                POD_USERS)),
                                "/home/u/.local/share/jpod/containers/i0/rootfs",
                                0,
                                true)));
    }

    @Test
    void appOfAPodWithItsOwnUsersJoinsTheInfrasUserNamespace() throws Exception {
        SpecInput in =
                SpecInput.of(
                        PodInput.of(
                                pod(PodPlan.NetworkMode.SLIRP4NETNS, false, List.of()),
                                PATHS,
                                NETNS,
                                POD_USERS),
                        container("app", List.of()),
                        0,
                        0,
                        "/home/u/.local/share/jpod/containers/c1/termination-log");
        Golden.check(
                "app-own-users-rootless",
                OciConfig.toJson(SpecGenerator.generate(in, ROOTFS, INFRA_PID, true)));
    }

    @Test
    void appOnSlirp4netnsRootless() throws Exception {
        check(
                "app-slirp4netns-rootless",
                pod(PodPlan.NetworkMode.SLIRP4NETNS, false, List.of()),
                container("app", List.of()));
    }

    @Test
    void appOnPastaSharingThePidNamespaceWithATerminal() throws Exception {
        ContainerPlan c = container("app", List.of());
        ContainerPlan tty =
                new ContainerPlan(
                        c.name(),
                        c.image(),
                        "sha256:" + "1".repeat(64),
                        c.argv(),
                        c.env(),
                        c.workingDir(),
                        c.user(),
                        true,
                        false,
                        false,
                        false,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of());
        check("app-pasta-shared-pid", pod(PodPlan.NetworkMode.PASTA, true, List.of()), tty);
    }

    @Test
    void appOnTheHostNetworkRootful() throws Exception {
        check(
                "app-host-network-rootful",
                pod(PodPlan.NetworkMode.HOST, false, List.of()),
                container("app", List.of()),
                0,
                0,
                false);
    }

    @Test
    void initContainerWithAnEmptyDir() throws Exception {
        PodPlan plan =
                pod(
                        PodPlan.NetworkMode.SLIRP4NETNS,
                        false,
                        List.of(new VolumePlan.EmptyDir("work", false)));
        ContainerPlan init =
                new ContainerPlan(
                        "setup",
                        "localhost/app:1",
                        "sha256:" + "1".repeat(64),
                        List.of("/bin/sh", "-c", "echo ready > /work/flag"),
                        ENV,
                        "",
                        "",
                        false,
                        false,
                        false,
                        false,
                        List.of(),
                        List.of(),
                        List.of(new MountPlan("work", "/work", null, false, Propagation.NONE)),
                        List.of());
        check("init-container", plan, init);
    }

    @Test
    void everyKindOfVolume() throws Exception {
        VolumePlan.FileEntry file = new VolumePlan.FileEntry("k", new byte[] {'v'}, 0644);
        PodPlan plan =
                pod(
                        PodPlan.NetworkMode.SLIRP4NETNS,
                        false,
                        List.of(
                                new VolumePlan.HostPath(
                                        "host", "/srv/data", VolumePlan.HostPath.Create.DIRECTORY),
                                new VolumePlan.EmptyDir("scratch", false),
                                new VolumePlan.EmptyDir("cache", true),
                                new VolumePlan.Files("config", List.of(file)),
                                new VolumePlan.Files("secret", List.of(file)),
                                new VolumePlan.Files("podinfo", List.of(file)),
                                new VolumePlan.Named("db", "db-claim"),
                                new VolumePlan.HostPath(
                                        "unmounted",
                                        "/srv/other",
                                        VolumePlan.HostPath.Create.NONE)));
        ContainerPlan c =
                container(
                        "app",
                        List.of(
                                new MountPlan("host", "/data", null, false, Propagation.NONE),
                                new MountPlan(
                                        "scratch", "/tmp/scratch", "", false, Propagation.NONE),
                                new MountPlan("cache", "/cache", null, false, Propagation.NONE),
                                new MountPlan("config", "/etc/app", null, false, Propagation.NONE),
                                new MountPlan(
                                        "config", "/etc/app.conf", "k", false, Propagation.NONE),
                                new MountPlan(
                                        "secret", "/run/secret", null, true, Propagation.NONE),
                                new MountPlan(
                                        "podinfo", "/etc/podinfo", null, false, Propagation.NONE),
                                new MountPlan(
                                        "db", "/var/lib/db", "pgdata", true, Propagation.NONE),
                                new MountPlan(
                                        "host",
                                        "/mnt/slave",
                                        "a/b",
                                        false,
                                        Propagation.HOST_TO_CONTAINER),
                                new MountPlan(
                                        "host",
                                        "/mnt/shared",
                                        null,
                                        false,
                                        Propagation.BIDIRECTIONAL)));
        check("volumes", plan, c);
    }

    @Test
    void runAsUserAndGroupOnAReadOnlyRootWithoutEscalation() throws Exception {
        // runAsUser 1000, runAsGroup 3000, runAsNonRoot (checked by the planner), read-only root,
        // allowPrivilegeEscalation: false
        check(
                "security-run-as",
                pod(PodPlan.NetworkMode.SLIRP4NETNS, false, List.of()),
                security(false, true, true, List.of(), List.of()),
                1000,
                3000,
                true);
    }

    @Test
    void capabilitiesAddedAndDropped() throws Exception {
        check(
                "security-capabilities",
                pod(PodPlan.NetworkMode.SLIRP4NETNS, false, List.of()),
                security(
                        false,
                        false,
                        false,
                        List.of("NET_ADMIN", "cap_sys_time"),
                        List.of("NET_RAW", "chown")));
    }

    @Test
    void dropAllThenAddOne() throws Exception {
        check(
                "security-drop-all",
                pod(PodPlan.NetworkMode.SLIRP4NETNS, false, List.of()),
                security(false, false, false, List.of("NET_BIND_SERVICE"), List.of("ALL")));
    }

    @Test
    void privilegedGetsEveryCapability() throws Exception {
        check(
                "security-privileged",
                pod(PodPlan.NetworkMode.SLIRP4NETNS, false, List.of()),
                security(true, false, false, List.of(), List.of("ALL")),
                0,
                0,
                false);
    }

    @Test
    void anUnknownVolumeIsRefusedBeforeAnySpec() {
        org.junit.jupiter.api.Assertions.assertThrows(
                PodException.class,
                () ->
                        check(
                                "never-written",
                                pod(PodPlan.NetworkMode.SLIRP4NETNS, false, List.of()),
                                container(
                                        "app",
                                        List.of(
                                                new MountPlan(
                                                        "ghost",
                                                        "/x",
                                                        null,
                                                        false,
                                                        Propagation.NONE)))));
    }

    private static PodPlan withSecurity(PodPlan.PodSecurity security) {
        PodPlan p = pod(PodPlan.NetworkMode.SLIRP4NETNS, false, List.of());
        return new PodPlan(
                p.name(),
                p.hostname(),
                p.labels(),
                p.gracePeriodSeconds(),
                p.restartPolicy(),
                p.network(),
                p.shareProcessNamespace(),
                p.ports(),
                p.hostAliases(),
                p.dnsServers(),
                p.dnsSearches(),
                p.volumes(),
                p.containers(),
                p.initContainers(),
                p.source(),
                p.noHosts(),
                security);
    }

    /**
     * fsGroup and supplementalGroups as additionalGids, sysctls in linux.sysctl, and jpod's
     * RuntimeDefault seccomp profile for a container with the default capabilities.
     */
    @Test
    void podSecurityContextAndRuntimeDefaultSeccomp() throws Exception {
        PodPlan plan =
                withSecurity(
                        new PodPlan.PodSecurity(
                                2000L,
                                List.of(3000L, 2000L),
                                Map.of(
                                        "net.ipv4.ip_unprivileged_port_start",
                                        "80",
                                        "kernel.shmmax",
                                        "123456789"),
                                false,
                                false));
        ContainerPlan c =
                container("app", List.of())
                        .with(new ContainerPlan.Confinement("RuntimeDefault", null, false));
        check("pod-security-runtime-default", plan, c, 1000, 1000, true);
    }

    /**
     * hostIPC and hostPID: no IPC or PID namespace, the host's /proc and /dev/shm bound, no mqueue
     * rootless; procMount Unmasked; a Localhost profile as its file gave it.
     */
    @Test
    void hostNamespacesUnmaskedAndLocalhostProfile() throws Exception {
        PodPlan plan = withSecurity(new PodPlan.PodSecurity(null, List.of(), Map.of(), true, true));
        ContainerPlan c =
                container("app", List.of())
                        .with(
                                new ContainerPlan.Confinement(
                                        "Localhost/deny-mkdir.json",
                                        "{\"defaultAction\":\"SCMP_ACT_ALLOW\",\"comment\":\"x\","
                                                + "\"syscalls\":[{\"names\":[\"mkdir\"],"
                                                + "\"action\":\"SCMP_ACT_ERRNO\"}]}",
                                        true));
        check("host-namespaces-unmasked-localhost", plan, c);
    }
}
