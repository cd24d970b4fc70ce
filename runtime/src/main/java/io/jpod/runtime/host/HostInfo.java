package io.jpod.runtime.host;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.sys.ExecResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code jpod info} reports: the host as jpod sees it, and the choices it made there. */
public final class HostInfo {

    private HostInfo() {}

    public static Map<String, Object> collect(Runtime rt) {
        Map<String, Object> info = new LinkedHashMap<>();
        HostLayout l = rt.layout();
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("rootless", l.rootless());
        host.put("uid", l.hostUid());
        host.put("kernel", firstLine(rt, List.of("uname", "-r")));
        host.put("cgroupVersion", rt.cgroups().label());
        host.put(
                "ociRuntime", rt.runtimeChoice().name() + " (" + rt.runtimeChoice().binary() + ")");
        host.put(
                "ociRuntimeVersion",
                firstLine(rt, List.of(rt.runtimeChoice().binary().toString(), "--version")));
        host.put("ociRuntimeReason", rt.runtimeChoice().reason());
        host.put("conmon", firstLine(rt, List.of("conmon", "--version")));
        host.put("networkBackend", "slirp4netns");
        host.put("slirp4netns", firstLine(rt, List.of("slirp4netns", "--version")));
        host.put(
                "pasta",
                Files.isExecutable(Path.of("/usr/bin/pasta")) ? "available" : "not installed");
        host.put("unprivilegedPortStart", io.jpod.runtime.net.PortRules.unprivilegedStart());
        info.put("host", host);
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("graphDriverName", "overlay");
        store.put(
                "overlayMode",
                l.rootless()
                        ? "kernel overlay with userxattr in the user namespace, fuse-overlayfs"
                                + " where refused"
                        : "kernel overlay, fuse-overlayfs where refused");
        store.put(
                "fuseOverlayfs",
                Files.isExecutable(Path.of("/usr/bin/fuse-overlayfs"))
                        ? "available"
                        : "not installed");
        store.put("graphRoot", l.dataDir());
        store.put("runRoot", l.runDir());
        store.put("imageCount", count(rt));
        info.put("store", store);
        return info;
    }

    private static String firstLine(Runtime rt, List<String> argv) {
        try {
            ExecResult r = rt.processes().run(argv);
            return r.ok()
                    ? r.stdout().lines().findFirst().orElse("").strip()
                    : "unavailable: " + r.errorText();
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
