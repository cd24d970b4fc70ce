package io.jpod.runtime.spec;

import io.jpod.runtime.oci.BundleSpec.Mount;

import java.nio.file.Path;
import java.util.List;

/**
 * The pod's /etc/hosts, /etc/resolv.conf and /etc/hostname, which every container binds (/etc/hosts
 * not, when played with --no-hosts: the image's stays).
 */
final class EtcFiles {

    private EtcFiles() {}

    static List<Mount> mounts(PodInput pod) {
        Path dir = Path.of(pod.podDir());
        Mount resolv = Mount.bind(dir.resolve("resolv.conf").toString(), "/etc/resolv.conf", false);
        Mount hostname = Mount.bind(dir.resolve("hostname").toString(), "/etc/hostname", false);
        if (pod.noHosts()) {
            return List.of(resolv, hostname);
        }
        return List.of(
                Mount.bind(dir.resolve("hosts").toString(), "/etc/hosts", false), resolv, hostname);
    }
}
