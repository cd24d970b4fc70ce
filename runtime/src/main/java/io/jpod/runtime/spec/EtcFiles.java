package io.jpod.runtime.spec;

import io.jpod.runtime.oci.BundleSpec.Mount;

import java.nio.file.Path;
import java.util.List;

/** The pod's /etc/hosts, /etc/resolv.conf and /etc/hostname, which every container binds. */
final class EtcFiles {

    private EtcFiles() {}

    static List<Mount> mounts(PodInput pod) {
        Path dir = Path.of(pod.podDir());
        return List.of(
                Mount.bind(dir.resolve("hosts").toString(), "/etc/hosts", false),
                Mount.bind(dir.resolve("resolv.conf").toString(), "/etc/resolv.conf", false),
                Mount.bind(dir.resolve("hostname").toString(), "/etc/hostname", false));
    }
}
