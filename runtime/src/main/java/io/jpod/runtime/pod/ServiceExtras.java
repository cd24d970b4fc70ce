package io.jpod.runtime.pod;

import io.jpod.runtime.systemd.ListenFds;
import io.jpod.runtime.systemd.NotifyRelay;

import java.util.Optional;

/**
 * What one container gets of systemd's service, beyond its plan: the sockets of socket activation,
 * the relay of its own sd_notify. Only the container's first start, by the play that holds them: a
 * restart, by another jpod process, starts it without.
 */
record ServiceExtras(Optional<ListenFds> sockets, Optional<NotifyRelay> sdNotify) {

    static final ServiceExtras NONE = new ServiceExtras(Optional.empty(), Optional.empty());
}
