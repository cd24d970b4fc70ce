package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.spec.PodInput;
import io.jpod.runtime.spec.PodPaths;
import io.jpod.runtime.spec.SpecInput;
import io.jpod.runtime.sys.RecordingProcesses;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

class VolumesTest {

    @TempDir Path dir;

    private final RecordingProcesses processes = new RecordingProcesses();

    private Path podDir() {
        return dir.resolve("pod");
    }

    private Path named() {
        return dir.resolve("volumes");
    }

    /** The pod's own /dev/shm, mounted before any volume. */
    private List<String> shmMount() {
        return List.of(
                "mount",
                "-t",
                "tmpfs",
                "tmpfs",
                "-o",
                Volumes.SHM_OPTIONS,
                podDir().resolve("shm").toString());
    }

    @Test
    void aHostIpcPodHasNoShmOfItsOwn() throws Exception {
        PodPlan plain = Plans.volumes(List.of());
        Volumes.prepare(withSecurity(plain, null, true), podDir(), named(), processes);
        assertEquals(List.of(), processes.calls());
    }

    @Test
    void fsGroupOwnsThePodsOwnVolumesSetgidAndGroupWritable() throws Exception {
        // the test's own group, which any user may give files it owns
        int gid = (Integer) Files.getAttribute(dir, "unix:gid");
        PodPlan plan =
                Plans.volumes(
                        List.of(
                                new VolumePlan.EmptyDir("scratch", false),
                                new VolumePlan.Files(
                                        "cfg", List.of(file("keys/secret", "s", 0400)))));
        Volumes.prepare(withSecurity(plan, (long) gid, false), podDir(), named(), processes);
        Path scratch = podDir().resolve("volumes/scratch");
        assertEquals(gid, Files.getAttribute(scratch, "unix:gid"));
        assertEquals(02777, (Integer) Files.getAttribute(scratch, "unix:mode") & 07777);
        Path secret = podDir().resolve("volumes/cfg/keys/secret");
        assertEquals(gid, Files.getAttribute(secret, "unix:gid"));
        assertEquals(0440, (Integer) Files.getAttribute(secret, "unix:mode") & 07777);
        assertEquals(
                02050,
                (Integer) Files.getAttribute(secret.getParent(), "unix:mode") & 02070,
                "directories of a read-only volume: setgid, group r-x");
    }

    @Test
    void fsGroupOwnsClaimsWithWhatEarlierPodsLeftThere() throws Exception {
        int gid = (Integer) Files.getAttribute(dir, "unix:gid");
        Path base = Files.createDirectories(named().resolve("pgdata/_data/base"));
        Path left = Files.writeString(base.resolve("plays"), "1\n");
        Files.setPosixFilePermissions(left, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        PodPlan plan = Plans.volumes(List.of(new VolumePlan.Named("data", "pgdata")));
        Volumes.prepare(withSecurity(plan, (long) gid, false), podDir(), named(), processes);
        Path root = named().resolve("pgdata/_data");
        assertEquals(gid, Files.getAttribute(root, "unix:gid"));
        assertEquals(02070, (Integer) Files.getAttribute(root, "unix:mode") & 02070);
        assertEquals(02070, (Integer) Files.getAttribute(base, "unix:mode") & 02070);
        assertEquals(
                "rw-rw----",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(left)),
                "a file an earlier pod wrote is the group's to write");
    }

    private static PodPlan withSecurity(PodPlan p, Long fsGroup, boolean hostIPC) {
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
                false,
                new PodPlan.PodSecurity(fsGroup, List.of(), java.util.Map.of(), hostIPC, false));
    }

    private static VolumePlan.FileEntry file(String path, String content, int mode) {
        return new VolumePlan.FileEntry(path, content.getBytes(StandardCharsets.UTF_8), mode);
    }

    private static ContainerPlan container(List<ContainerPlan.MountPlan> mounts) {
        return new ContainerPlan(
                "app",
                "img",
                "sha256:" + "0".repeat(64),
                List.of("sh"),
                List.of(),
                "",
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

    @Test
    void filesVolumeWritesItemsWithTheirModes() throws Exception {
        Volumes.prepare(
                Plans.volumes(
                        List.of(
                                new VolumePlan.Files(
                                        "cfg",
                                        List.of(
                                                file("app.conf", "port=80\n", 0644),
                                                file("keys/secret", "s3cret", 0400),
                                                file("run.sh", "#!/bin/sh\n", 0755))))),
                podDir(),
                named(),
                processes);
        Path vol = podDir().resolve("volumes/cfg");
        assertEquals("port=80\n", Files.readString(vol.resolve("app.conf")));
        assertEquals(
                "rw-r--r--",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(vol.resolve("app.conf"))));
        assertEquals(
                "r--------",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(vol.resolve("keys/secret"))));
        assertEquals(
                "rwxr-xr-x",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(vol.resolve("run.sh"))));
        assertEquals(List.of(shmMount()), processes.calls());
    }

    @Test
    void filesVolumeRefusesItemsThatEscape() {
        IOException e =
                assertThrows(
                        IOException.class,
                        () ->
                                Volumes.prepare(
                                        Plans.volumes(
                                                List.of(
                                                        new VolumePlan.Files(
                                                                "cfg",
                                                                List.of(
                                                                        file(
                                                                                "../../evil",
                                                                                "x",
                                                                                0644))))),
                                        podDir(),
                                        named(),
                                        processes));
        assertTrue(e.getMessage().contains("escapes the volume"), e.getMessage());
        assertFalse(Files.exists(podDir().resolve("evil")));
        assertFalse(Files.exists(dir.resolve("evil")));
    }

    @Test
    void permissionBitsMapOctalModes() {
        assertEquals("rwxr-x--x", PosixFilePermissions.toString(Volumes.permissions(0751)));
        assertEquals("---------", PosixFilePermissions.toString(Volumes.permissions(0)));
    }

    @Test
    void emptyDirIsWorldWritableAndMemoryOnesAreTmpfs() throws Exception {
        Volumes.prepare(
                Plans.volumes(
                        List.of(
                                new VolumePlan.EmptyDir("scratch", false),
                                new VolumePlan.EmptyDir("ram", true))),
                podDir(),
                named(),
                processes);
        Path scratch = podDir().resolve("volumes/scratch");
        assertEquals(
                "rwxrwxrwx", PosixFilePermissions.toString(Files.getPosixFilePermissions(scratch)));
        assertEquals(
                List.of(
                        shmMount(),
                        List.of(
                                "mount",
                                "-t",
                                "tmpfs",
                                "tmpfs",
                                "-o",
                                "mode=1777",
                                podDir().resolve("volumes/ram").toString())),
                processes.calls());
    }

    @Test
    void namedVolumesLiveOutsideThePod() throws Exception {
        Volumes.prepare(
                Plans.volumes(List.of(new VolumePlan.Named("data", "pgdata"))),
                podDir(),
                named(),
                processes);
        assertTrue(Files.isDirectory(named().resolve("pgdata/_data")));
    }

    @Test
    void hostPathDirectoryIsCreatedAndNoneMustExist() throws Exception {
        Path made = dir.resolve("host/made");
        Volumes.prepare(
                Plans.volumes(
                        List.of(
                                new VolumePlan.HostPath(
                                        "h",
                                        made.toString(),
                                        VolumePlan.HostPath.Create.DIRECTORY))),
                podDir(),
                named(),
                processes);
        assertTrue(Files.isDirectory(made));
        Path file = dir.resolve("host/sub/file");
        Volumes.prepare(
                Plans.volumes(
                        List.of(
                                new VolumePlan.HostPath(
                                        "f", file.toString(), VolumePlan.HostPath.Create.FILE))),
                podDir(),
                named(),
                processes);
        assertTrue(Files.isRegularFile(file));
        Path missing = dir.resolve("host/missing");
        PodException e =
                assertThrows(
                        PodException.class,
                        () ->
                                Volumes.prepare(
                                        Plans.volumes(
                                                List.of(
                                                        new VolumePlan.HostPath(
                                                                "m",
                                                                missing.toString(),
                                                                VolumePlan.HostPath.Create.NONE))),
                                        podDir(),
                                        named(),
                                        processes));
        assertEquals("hostPath " + missing + " of volume m does not exist", e.getMessage());
        assertFalse(Files.exists(missing));
    }

    private SpecInput input(PodPlan plan, String volume, String subPath) throws PodException {
        return SpecInput.of(
                PodInput.of(plan, new PodPaths(podDir(), named()), null, null),
                container(
                        List.of(
                                new ContainerPlan.MountPlan(
                                        volume,
                                        "/data",
                                        subPath,
                                        false,
                                        ContainerPlan.Propagation.NONE))),
                0,
                0,
                null);
    }

    @Test
    void aMissingSubPathIsMadeInsideTheVolume() throws Exception {
        Path host = Files.createDirectories(dir.resolve("srv/data"));
        PodPlan plan =
                Plans.volumes(
                        List.of(
                                new VolumePlan.HostPath(
                                        "h", host.toString(), VolumePlan.HostPath.Create.NONE)));
        Volumes.makeSubPaths(input(plan, "h", "sub/dir"));
        assertTrue(
                Files.isDirectory(host.resolve("sub/dir")),
                "a missing subPath is made, as the kubelet does");
        Files.writeString(host.resolve("app.conf"), "x");
        Volumes.makeSubPaths(input(plan, "h", "app.conf"));
        assertTrue(Files.isRegularFile(host.resolve("app.conf")), "a file subPath is kept");
    }

    @Test
    void subPathThroughAPlantedSymlinkIsRefused() throws Exception {
        // a container wrote volume/link -> / : a later container's subPath must not follow it to
        // the host
        Path volume = Files.createDirectories(dir.resolve("vol"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createSymbolicLink(volume.resolve("link"), outside);
        Files.createSymbolicLink(volume.resolve("relative"), Path.of("../outside"));
        PodPlan plan =
                Plans.volumes(
                        List.of(
                                new VolumePlan.HostPath(
                                        "h", volume.toString(), VolumePlan.HostPath.Create.NONE)));
        for (String subPath : List.of("link", "link/made", "relative/made")) {
            SpecInput in = input(plan, "h", subPath);
            PodException e = assertThrows(PodException.class, () -> Volumes.makeSubPaths(in));
            assertTrue(e.getMessage().contains("through a symbolic link"), e.getMessage());
        }
        assertFalse(Files.exists(outside.resolve("made")), "nothing is created outside the volume");
    }

    @Test
    void subPathMayNotEscapeTheVolume() {
        PodPlan plan =
                Plans.volumes(
                        List.of(
                                new VolumePlan.HostPath(
                                        "h", "/srv/data", VolumePlan.HostPath.Create.NONE)));
        for (String sub : new String[] {"../etc", "a/../../etc", "/etc"}) {
            PodException e = assertThrows(PodException.class, () -> input(plan, "h", sub), sub);
            assertEquals("subPath " + sub + " of volume h escapes the volume", e.getMessage());
        }
    }

    @Test
    void anUnknownVolumeIsNamed() {
        PodException e =
                assertThrows(
                        PodException.class, () -> input(Plans.volumes(List.of()), "ghost", null));
        assertEquals("container app mounts unknown volume ghost", e.getMessage());
    }
}
