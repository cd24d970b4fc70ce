package io.jpod.runtime.pod;

import io.jpod.runtime.net.Slirp4netns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files every container of a pod shares: /etc/hosts, /etc/resolv.conf and /etc/hostname. */
final class PodFiles {

    private PodFiles() {
    }

    static void write(Path podDir, PodPlan plan) throws IOException {
        StringBuilder hosts = new StringBuilder()
                .append("127.0.0.1\tlocalhost localhost.localdomain\n")
                .append("::1\tlocalhost localhost.localdomain ip6-localhost ip6-loopback\n")
                .append(Slirp4netns.POD_IP).append('\t').append(plan.hostname());
        if (!plan.hostname().equals(plan.name())) {
            hosts.append(' ').append(plan.name());
        }
        hosts.append('\n');
        for (PodPlan.HostEntry e : plan.hostAliases()) {
            hosts.append(e.ip()).append('\t').append(String.join(" ", e.hostnames())).append('\n');
        }
        Files.writeString(podDir.resolve("hosts"), hosts);
        StringBuilder resolv = new StringBuilder();
        if (!plan.dnsSearches().isEmpty()) {
            resolv.append("search ").append(String.join(" ", plan.dnsSearches())).append('\n');
        }
        for (String server : plan.dnsServers().isEmpty() ? java.util.List.of(Slirp4netns.DNS) : plan.dnsServers()) {
            resolv.append("nameserver ").append(server).append('\n');
        }
        Files.writeString(podDir.resolve("resolv.conf"), resolv);
        Files.writeString(podDir.resolve("hostname"), plan.hostname() + "\n");
    }
}
