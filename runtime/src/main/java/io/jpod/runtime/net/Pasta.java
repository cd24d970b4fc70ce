package io.jpod.runtime.net;

import io.jpod.runtime.state.PortMapping;
import io.jpod.runtime.sys.ExecResult;
import io.jpod.runtime.sys.Processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * pasta (from passt): user-mode networking that copies the host's addresses into the pod's
 * namespace and forwards hostPorts itself, faster than slirp4netns (see bench/). It daemonises once
 * the namespace is configured, so returning from {@link #start} means the network is up.
 */
public final class Pasta {

    private final Processes processes;

    public Pasta(Processes processes) {
        this.processes = processes;
    }

    /** Starts pasta on the netns file with the pod's hostPorts and returns its pid. */
    public long start(Path netns, List<PortMapping> ports, Path pidFile) throws IOException {
        Files.deleteIfExists(pidFile);
        ExecResult r = processes.run(argv(netns, ports, pidFile));
        if (!r.ok()) {
            throw new IOException("pasta did not come up: " + r.errorText());
        }
        return Long.parseLong(Files.readString(pidFile).strip());
    }

    static List<String> argv(Path netns, List<PortMapping> ports, Path pidFile) {
        List<String> argv =
                new ArrayList<>(
                        List.of("pasta", "--config-net", "--quiet", "-P", pidFile.toString()));
        List<String> tcp = new ArrayList<>();
        List<String> udp = new ArrayList<>();
        for (PortMapping p : ports) {
            String addr = p.hostIP() == null || p.hostIP().isEmpty() ? "" : p.hostIP() + "/";
            String spec = addr + p.hostPort() + ":" + p.containerPort();
            (p.protocol().toUpperCase(Locale.ROOT).equals("UDP") ? udp : tcp).add(spec);
        }
        for (String spec : tcp) {
            argv.addAll(List.of("-t", spec));
        }
        for (String spec : udp) {
            argv.addAll(List.of("-u", spec));
        }
        if (tcp.isEmpty()) {
            argv.addAll(List.of("-t", "none"));
        }
        if (udp.isEmpty()) {
            argv.addAll(List.of("-u", "none"));
        }
        // no automatic forwarding from the pod back to the host's own ports
        argv.addAll(List.of("-T", "none", "-U", "none", "--netns", netns.toString()));
        return argv;
    }
}
