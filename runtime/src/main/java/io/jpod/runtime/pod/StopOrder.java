package io.jpod.runtime.pod;

import io.jpod.runtime.state.ContainerRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * The order the kubelet stops a pod's containers in: every app container (and finished init
 * container) at once, then the sidecars one at a time, last started first, then the infra, which
 * holds the namespaces the others live in.
 */
final class StopOrder {

    private StopOrder() {}

    static List<List<ContainerRecord>> waves(List<ContainerRecord> containers) {
        List<ContainerRecord> apps = new ArrayList<>();
        List<ContainerRecord> sidecars = new ArrayList<>();
        List<ContainerRecord> infra = new ArrayList<>();
        for (ContainerRecord c : containers) {
            if (c.infra()) {
                infra.add(c);
            } else if (LifecycleHooks.plan(c).sidecar()) {
                sidecars.add(c);
            } else {
                apps.add(c);
            }
        }
        List<List<ContainerRecord>> waves = new ArrayList<>();
        if (!apps.isEmpty()) {
            waves.add(apps);
        }
        for (ContainerRecord s : sidecars.reversed()) {
            waves.add(List.of(s));
        }
        if (!infra.isEmpty()) {
            waves.add(infra);
        }
        return waves;
    }
}
