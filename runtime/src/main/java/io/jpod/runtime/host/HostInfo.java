package io.jpod.runtime.host;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.net.NetworkChoice;
import io.jpod.runtime.net.PortRules;
import io.jpod.runtime.sys.ExecResult;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code jpod info} reports: the host as jpod sees it, and the choices it made there. Each
 * helper is reported at the path jpod runs it from, with the version that binary gives.
 */
public final class HostInfo {

    private HostInfo() {}

    public static Map<String, Object> collect(Runtime rt, Map<String, String> env) {
        Map<String, Object> info = new LinkedHashMap<>();
        HostLayout l = rt.layout();
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("rootless", l.rootless());
        host.put("uid", l.hostUid());
        host.put("kernel", firstLine(rt, List.of("uname", "-r")));
        host.put("cgroupVersion", rt.cgroups().label());
        host.put(
                "resourceLimits",
                "not applied: " + ResourceLimits.whyNotApplied(rt.cgroups(), l.rootless()));
        host.put(
                "ociRuntime", rt.runtimeChoice().name() + " (" + rt.runtimeChoice().binary() + ")");
        host.put("ociRuntimeVersion", version(rt, rt.runtimeChoice().binary()));
        host.put("ociRuntimeReason", rt.runtimeChoice().reason());
        host.put("conmon", described(rt, Optional.of(rt.conmon().binary())));
        host.put("catatonit", described(rt, Optional.of(rt.catatonit().binary())));
        String network = NetworkChoice.describe(env);
        host.put("networkBackend", network);
        host.put("slirp4netns", described(rt, Binaries.onPath("slirp4netns")));
        host.put("pasta", described(rt, Binaries.onPath("pasta")));
        host.put("unprivilegedPortStart", PortRules.unprivilegedStart());
        if (l.rootless()) {
            host.put("newuidmap", path(Binaries.onPath("newuidmap")));
            host.put("newgidmap", path(Binaries.onPath("newgidmap")));
        }
        host.put("nsenter", described(rt, Binaries.onPath("nsenter")));
        host.put("unshare", path(Binaries.onPath("unshare")));
        host.put("mount", path(Binaries.onPath("mount")));
        host.put("umount", path(Binaries.onPath("umount")));
        info.put("host", host);
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("graphDriverName", "overlay");
        store.put(
                "overlayMode",
                l.rootless()
                        ? "kernel overlay with userxattr in the user namespace, fuse-overlayfs"
                                + " where refused"
                        : "kernel overlay, fuse-overlayfs where refused");
        store.put("fuseOverlayfs", described(rt, Binaries.onPath("fuse-overlayfs")));
        store.put("graphRoot", l.dataDir());
        store.put("runRoot", l.runDir());
        store.put("imageCount", count(rt));
        info.put("store", store);
        return info;
    }

    private static String path(Optional<Path> binary) {
        return binary.map(Path::toString).orElse("not installed");
    }

    /** The path and the version the binary reports. */
    private static String described(Runtime rt, Optional<Path> binary) {
        return binary.map(b -> b + " (" + version(rt, b) + ")").orElse("not installed");
    }

    /** The line of {@code --version} that names the binary (some print their libraries first). */
    private static String version(Runtime rt, Path binary) {
        return line(rt, List.of(binary.toString(), "--version"), binary.getFileName().toString());
    }

    private static String firstLine(Runtime rt, List<String> argv) {
        return line(rt, argv, "");
    }

    private static String line(Runtime rt, List<String> argv, String preferring) {
        try {
            ExecResult r = rt.processes().run(argv);
            if (!r.ok()) {
                return "unavailable: " + r.errorText();
            }
            List<String> lines =
                    (r.stdout().isBlank() ? r.stderr() : r.stdout())
                            .lines()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty())
                            .toList();
            return lines.stream()
                    .filter(l -> l.contains(preferring))
                    .findFirst()
                    .orElse(lines.isEmpty() ? "" : lines.getFirst());
        } catch (IOException e) {
            return "not installed";
        }
    }

    private static Object count(Runtime rt) {
        try {
            return rt.images().list().size();
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
