package io.jpod.runtime.systemd;

/** The container whose own sd_notify reaches systemd, and the relay that passes it on. */
public record NotifyHandoff(ContainerChoice to, NotifyRelay relay) {}
