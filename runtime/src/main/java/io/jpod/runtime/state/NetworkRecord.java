package io.jpod.runtime.state;

import java.util.List;

/** The pod's network: its netns file and the user-mode network helper that feeds it. */
public record NetworkRecord(
        String mode,
        String netnsPath,
        long helperPid,
        long helperStartTime,
        String apiSocket,
        List<PortMapping> ports) {}
