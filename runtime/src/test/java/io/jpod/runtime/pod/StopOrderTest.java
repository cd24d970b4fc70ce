package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jpod.runtime.probe.ContainerProbes;
import io.jpod.runtime.spec.SpecInput;
import io.jpod.runtime.state.ContainerRecord;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class StopOrderTest {

    private static ContainerRecord record(String name, boolean infra, boolean sidecar) {
        ContainerPlan plain = Plans.container(name, "img");
        ContainerPlan plan =
                new ContainerPlan(
                        plain.name(),
                        plain.image(),
                        plain.imageId(),
                        plain.argv(),
                        plain.env(),
                        plain.workingDir(),
                        plain.user(),
                        plain.tty(),
                        plain.privileged(),
                        plain.readOnlyRootfs(),
                        plain.noNewPrivileges(),
                        plain.capAdd(),
                        plain.capDrop(),
                        plain.mounts(),
                        plain.secretEnv(),
                        ContainerProbes.NONE,
                        ContainerPlan.Confinement.DEFAULT,
                        new LifePlan(null, null, "TERM", null, false, sidecar));
        return new ContainerRecord(
                name,
                name,
                "pod",
                infra,
                "",
                "",
                List.of(),
                "/b",
                "/r",
                false,
                Instant.EPOCH,
                null,
                0,
                0,
                0,
                0,
                infra ? null : new SpecInput(null, plan, 0, 0, null));
    }

    @Test
    void appsFirstThenSidecarsLastStartedFirstThenTheInfra() {
        ContainerRecord infra = record("infra", true, false);
        ContainerRecord s1 = record("s1", false, true);
        ContainerRecord s2 = record("s2", false, true);
        ContainerRecord init = record("init", false, false);
        ContainerRecord a = record("a", false, false);
        ContainerRecord b = record("b", false, false);
        assertEquals(
                List.of(List.of(init, a, b), List.of(s2), List.of(s1), List.of(infra)),
                StopOrder.waves(List.of(infra, s1, init, s2, a, b)));
    }

    @Test
    void withoutSidecarsEveryContainerStopsAtOnce() {
        ContainerRecord a = record("a", false, false);
        ContainerRecord b = record("b", false, false);
        assertEquals(List.of(List.of(a, b)), StopOrder.waves(List.of(a, b)));
    }
}
