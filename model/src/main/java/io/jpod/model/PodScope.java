package io.jpod.model;

import java.util.Map;
import java.util.Set;

/** What a container reader needs to know about its pod. */
record PodScope(
        String namespace,
        boolean hostNetwork,
        PodSecurityModel security,
        Set<String> volumeNames,
        Map<String, String> hostPorts,
        References refs) {}
