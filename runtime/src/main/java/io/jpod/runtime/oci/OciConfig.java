package io.jpod.runtime.oci;

import io.jpod.runtime.json.JsonWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the OCI runtime-spec config.json for a {@link BundleSpec}. */
public final class OciConfig {

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
        Files.writeString(file, toJson(spec));
    }

    /** The config.json document of a spec. */
    public static String toJson(BundleSpec spec) {
        JsonWriter json = new JsonWriter().object();
        json.field("ociVersion", "1.0.2");
        json.object("process");
        json.field("terminal", spec.terminal());
        json.object("user").field("uid", spec.uid()).field("gid", spec.gid());
        if (!spec.additionalGids().isEmpty()) {
            json.array("additionalGids");
            spec.additionalGids().forEach(json::value);
            json.end();
        }
        json.end();
        strings(json, "args", spec.args());
        strings(json, "env", spec.env());
        json.field("cwd", spec.cwd() == null || spec.cwd().isEmpty() ? "/" : spec.cwd());
        json.object("capabilities");
        for (String set : List.of("bounding", "effective", "permitted")) {
            strings(json, set, spec.capabilities());
        }
        json.end();
        json.field("noNewPrivileges", spec.noNewPrivileges());
        json.end();
        json.object("root")
                .field("path", spec.rootfs())
                .field("readonly", spec.readonlyRootfs())
                .end();
        if (spec.hostname() != null) {
            json.field("hostname", spec.hostname());
        }
        json.array("mounts");
        for (BundleSpec.Mount m : defaultMounts(spec.rootless())) {
            if (m.type().equals("mqueue") && spec.rootless() && !hasIpcNamespace(spec)) {
                // in the host's IPC namespace (hostIPC) a user namespace may not mount an mqueue,
                // and the host need not have one to bind: the container goes without, rootless
                continue;
            }
            if (spec.mounts().stream().noneMatch(o -> o.destination().equals(m.destination()))) {
                mount(json, m);
            }
        }
        for (BundleSpec.Mount m : spec.mounts()) {
            mount(json, m);
        }
        json.end();
        json.object("linux");
        json.array("namespaces");
        for (BundleSpec.Namespace ns : spec.namespaces()) {
            json.object().field("type", ns.type());
            if (ns.path() != null) {
                json.field("path", ns.path());
            }
            json.end();
        }
        json.end();
        if (spec.userns() != null) {
            // given to the containers that join the namespace too: runc 1.1 finds the host's id
            // of the container's root from them, and writes them only where it creates it
            mapping(json, "uidMappings", spec.userns());
            mapping(json, "gidMappings", spec.userns());
        }
        if (!spec.sysctls().isEmpty()) {
            json.object("sysctl");
            spec.sysctls().forEach(json::field);
            json.end();
        }
        if (spec.maskedProc()) {
            strings(json, "maskedPaths", MASKED);
            strings(json, "readonlyPaths", READONLY);
        }
        if (spec.seccomp() != null) {
            // SeccompPolicy's JSON, which it wrote itself or read and checked
            json.rawField("seccomp", spec.seccomp());
        }
        return json.end().end().text();
    }

    private static void mapping(JsonWriter json, String name, IdMap map) {
        json.array(name)
                .object()
                .field("containerID", map.inside())
                .field("hostID", map.outside())
                .field("size", map.count())
                .end()
                .end();
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

    private static void mount(JsonWriter json, BundleSpec.Mount m) {
        json.object()
                .field("destination", m.destination())
                .field("type", m.type())
                .field("source", m.source());
        strings(json, "options", m.options());
        json.end();
    }

    private static void strings(JsonWriter json, String name, List<String> values) {
        json.array(name);
        values.forEach(json::value);
        json.end();
    }
}
