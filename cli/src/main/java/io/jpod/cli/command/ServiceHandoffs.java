package io.jpod.cli.command;

import io.jpod.model.ContainerModel;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.systemd.ContainerChoice;
import io.jpod.runtime.systemd.ListenFds;
import io.jpod.runtime.systemd.NotifyHandoff;
import io.jpod.runtime.systemd.NotifyRelay;
import io.jpod.runtime.systemd.SdNotify;
import io.jpod.runtime.systemd.SocketHandoff;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a play passes from systemd to the containers its pods' annotations name: the sockets of
 * socket activation ({@code io.jpod/listen-fds}), when this very process got them ({@code
 * LISTEN_PID} is its pid: the launcher's exec and nsenter keep it); and, for {@code --wait} under
 * {@code NOTIFY_SOCKET}, the relay of one container's own sd_notify ({@code io.jpod/sdnotify}).
 */
record ServiceHandoffs(Optional<SocketHandoff> sockets, Optional<NotifyHandoff> sdNotify) {

    static final ServiceHandoffs NONE = new ServiceHandoffs(Optional.empty(), Optional.empty());

    static ServiceHandoffs of(ManifestInput input, KubeOptions options) throws JpodException {
        Map<String, String> env = System.getenv();
        List<ContainerChoice.Pod> pods = pods(input);
        try {
            Optional<SocketHandoff> sockets = Optional.empty();
            Optional<ListenFds> fds = ListenFds.from(env, ProcessHandle.current().pid());
            if (fds.isPresent()) {
                sockets =
                        ContainerChoice.choose(pods, SocketHandoff.ANNOTATION, true)
                                .map(to -> new SocketHandoff(to, fds.get()));
                if (sockets.isEmpty()) {
                    System.err.println(
                            "Notice: "
                                    + fds.get().fds().size()
                                    + " socket(s) from systemd's socket activation, and no pod"
                                    + " asks for them (annotation "
                                    + SocketHandoff.ANNOTATION
                                    + ": CONTAINER)");
                }
            }
            Optional<NotifyHandoff> notify = Optional.empty();
            Optional<SdNotify> systemd = SdNotify.from(env);
            if (options.waitForPods && systemd.isPresent()) {
                notify =
                        ContainerChoice.choose(pods, NotifyRelay.ANNOTATION, false)
                                .map(to -> new NotifyHandoff(to, new NotifyRelay(systemd.get())));
            }
            return new ServiceHandoffs(sockets, notify);
        } catch (IllegalArgumentException e) {
            throw new JpodException(e.getMessage());
        }
    }

    private static List<ContainerChoice.Pod> pods(ManifestInput input) {
        return input.set().pods().stream()
                .map(
                        p ->
                                new ContainerChoice.Pod(
                                        p.name(),
                                        p.annotations(),
                                        Stream.concat(
                                                        p.initContainers().stream(),
                                                        p.containers().stream())
                                                .map(ContainerModel::name)
                                                .toList(),
                                        p.shareProcessNamespace() || p.hostPID()))
                .toList();
    }
}
