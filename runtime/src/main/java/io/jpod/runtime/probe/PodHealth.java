package io.jpod.runtime.probe;

import java.time.Instant;
import java.util.Map;

/** What the prober last found of one pod's containers, by container name. */
public record PodHealth(Instant updated, Map<String, ContainerHealth> containers) {
    public PodHealth {
        containers = containers == null ? Map.of() : Map.copyOf(containers);
    }
}
