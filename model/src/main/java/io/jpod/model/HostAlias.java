package io.jpod.model;

import java.util.List;

/** An /etc/hosts entry. */
public record HostAlias(String ip, List<String> hostnames) {}
