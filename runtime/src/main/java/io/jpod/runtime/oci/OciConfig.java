package io.jpod.runtime.oci;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the OCI runtime-spec config.json for a {@link BundleSpec}. */
public final class OciConfig {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MASKED =
            List.of(
                    "/proc/acpi",
                    "/proc/asound",
                    "/proc/kcore",
                    "/proc/keys",
                    "/proc/latency_stats",
                    "/proc/timer_list",
                    "/proc/timer_stats",
                    "/proc/sched_debug",
                    "/proc/scsi",
                    "/sys/firmware",
                    "/sys/fs/selinux",
                    "/sys/dev/block");
    private static final List<String> READONLY =
            List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

    private OciConfig() {}

    public static void write(BundleSpec spec, Path file) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), toJson(spec));
    }

    /** The config.json document of a spec. */
    public static ObjectNode toJson(BundleSpec spec) {
        ObjectNode root = JSON.createObjectNode();
        root.put("ociVersion", "1.0.2");
        ObjectNode process = root.putObject("process");
        process.put("terminal", spec.terminal());
        ObjectNode user = process.putObject("user");
        user.put("uid", spec.uid());
        user.put("gid", spec.gid());
        if (!spec.additionalGids().isEmpty()) {
            ArrayNode gids = user.putArray("additionalGids");
            spec.additionalGids().forEach(gids::add);
        }
        strings(process.putArray("args"), spec.args());
        strings(process.putArray("env"), spec.env());
        process.put("cwd", spec.cwd() == null || spec.cwd().isEmpty() ? "/" : spec.cwd());
        ObjectNode caps = process.putObject("capabilities");
        for (String set : List.of("bounding", "effective", "permitted")) {
            strings(caps.putArray(set), spec.capabilities());
        }
        process.put("noNewPrivileges", spec.noNewPrivileges());
        ObjectNode rootfs = root.putObject("root");
        rootfs.put("path", spec.rootfs());
        rootfs.put("readonly", spec.readonlyRootfs());
        if (spec.hostname() != null) {
            root.put("hostname", spec.hostname());
        }
        ArrayNode mounts = root.putArray("mounts");
        for (BundleSpec.Mount m : defaultMounts(spec.rootless())) {
            if (m.type().equals("mqueue") && spec.rootless() && !hasIpcNamespace(spec)) {
                // in the host's IPC namespace (hostIPC) a user namespace may not mount an mqueue,
                // and the host need not have one to bind: the container goes without, rootless
                continue;
            }
            if (spec.mounts().stream().noneMatch(o -> o.destination().equals(m.destination()))) {
                mount(mounts, m);
            }
        }
        for (BundleSpec.Mount m : spec.mounts()) {
            mount(mounts, m);
        }
        ObjectNode linux = root.putObject("linux");
        ArrayNode namespaces = linux.putArray("namespaces");
        for (BundleSpec.Namespace ns : spec.namespaces()) {
            ObjectNode n = namespaces.addObject();
            n.put("type", ns.type());
            if (ns.path() != null) {
                n.put("path", ns.path());
            }
        }
        if (spec.userns() != null) {
            // given to the containers that join the namespace too: runc 1.1 finds the host's id
            // of the container's root from them, and writes them only where it creates it
            mapping(linux.putArray("uidMappings"), spec.userns());
            mapping(linux.putArray("gidMappings"), spec.userns());
        }
        if (!spec.sysctls().isEmpty()) {
            ObjectNode sysctl = linux.putObject("sysctl");
            spec.sysctls().forEach(sysctl::put);
        }
        if (spec.maskedProc()) {
            strings(linux.putArray("maskedPaths"), MASKED);
            strings(linux.putArray("readonlyPaths"), READONLY);
        }
        if (spec.seccomp() != null) {
            try {
                linux.set("seccomp", JSON.readTree(spec.seccomp()));
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "seccomp profile is not JSON: " + e.getMessage(), e);
            }
        }
        return root;
    }

    private static void mapping(ArrayNode array, IdMap map) {
        ObjectNode m = array.addObject();
        m.put("containerID", map.inside());
        m.put("hostID", map.outside());
        m.put("size", map.count());
    }

    private static List<BundleSpec.Mount> defaultMounts(boolean rootless) {
        List<BundleSpec.Mount> m = new ArrayList<>();
        m.add(new BundleSpec.Mount("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev")));
        m.add(
                new BundleSpec.Mount(
                        "/dev",
                        "tmpfs",
                        "tmpfs",
                        List.of("nosuid", "strictatime", "mode=755", "size=65536k")));
        // a gid=5 option would name a group that need not be mapped in a rootless namespace
        m.add(
                new BundleSpec.Mount(
                        "/dev/pts",
                        "devpts",
                        "devpts",
                        rootless
                                ? List.of(
                                        "nosuid",
                                        "noexec",
                                        "newinstance",
                                        "ptmxmode=0666",
                                        "mode=0620")
                                : List.of(
                                        "nosuid",
                                        "noexec",
                                        "newinstance",
                                        "ptmxmode=0666",
                                        "mode=0620",
                                        "gid=5")));
        m.add(
                new BundleSpec.Mount(
                        "/dev/shm",
                        "tmpfs",
                        "shm",
                        List.of("nosuid", "noexec", "nodev", "mode=1777", "size=65536k")));
        m.add(
                new BundleSpec.Mount(
                        "/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")));
        // sysfs cannot be mounted afresh from a user namespace; bind the host's, read-only
        m.add(
                new BundleSpec.Mount(
                        "/sys",
                        "none",
                        "/sys",
                        List.of("rbind", "nosuid", "noexec", "nodev", "ro")));
        return m;
    }

    private static boolean hasIpcNamespace(BundleSpec spec) {
        return spec.namespaces().stream().anyMatch(n -> n.type().equals("ipc"));
    }

    private static void mount(ArrayNode mounts, BundleSpec.Mount m) {
        ObjectNode n = mounts.addObject();
        n.put("destination", m.destination());
        n.put("type", m.type());
        n.put("source", m.source());
        strings(n.putArray("options"), m.options());
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
