package io.jpod.runtime.pod;

import io.jpod.runtime.net.PodAddress;
import io.jpod.runtime.net.Slirp4netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The files every container of a pod shares: /etc/hosts, /etc/resolv.conf and /etc/hostname. */
final class PodFiles {

    private PodFiles() {}

    static void write(Path podDir, PodPlan plan) throws IOException {
        StringBuilder hosts =
                new StringBuilder()
                        .append("127.0.0.1\tlocalhost localhost.localdomain\n")
                        .append("::1\tlocalhost localhost.localdomain ip6-localhost ip6-loopback\n")
                        .append(podAddress(plan))
                        .append('\t')
                        .append(plan.hostname());
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
        for (String server : plan.dnsServers().isEmpty() ? defaultDns(plan) : plan.dnsServers()) {
            resolv.append("nameserver ").append(server).append('\n');
        }
        Files.writeString(podDir.resolve("resolv.conf"), resolv);
        Files.writeString(podDir.resolve("hostname"), plan.hostname() + "\n");
    }

    /** The pod's address under its network mode, as the downward API and inspect give it. */
    private static String podAddress(PodPlan plan) {
        return PodAddress.of(plan.network().label()).podIP();
    }

    /**
     * slirp4netns runs its own DNS forwarder; under pasta the host's non-loopback resolvers are
     * reachable.
     */
    private static List<String> defaultDns(PodPlan plan) throws IOException {
        if (plan.network() == PodPlan.NetworkMode.SLIRP4NETNS) {
            return List.of(Slirp4netns.DNS);
        }
        Path hostResolv = Path.of("/etc/resolv.conf");
        List<String> servers = new ArrayList<>();
        if (Files.isReadable(hostResolv)) {
            for (String line : Files.readAllLines(hostResolv)) {
                String[] f = line.strip().split("\\s+");
                if (f.length >= 2
                        && f[0].equals("nameserver")
                        && !f[1].startsWith("127.")
                        && !f[1].equals("::1")) {
                    servers.add(f[1]);
                }
            }
        }
        return servers;
    }
}
