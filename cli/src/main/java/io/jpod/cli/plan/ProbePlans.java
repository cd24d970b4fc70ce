package io.jpod.cli.plan;

import io.jpod.model.Action;
import io.jpod.model.ContainerModel;
import io.jpod.model.ProbeModel;
import io.jpod.runtime.probe.ContainerProbes;
import io.jpod.runtime.probe.ProbePlan;

/** A container's probes from the model to the plan, with named ports resolved to numbers. */
final class ProbePlans {

    private ProbePlans() {}

    static ContainerProbes of(ContainerModel c) {
        return new ContainerProbes(
                probe(c, c.livenessProbe()),
                probe(c, c.readinessProbe()),
                probe(c, c.startupProbe()));
    }

    private static ProbePlan probe(ContainerModel c, ProbeModel p) {
        if (p == null) {
            return null;
        }
        ProbePlan.Action action =
                switch (p.action()) {
                    case Action.Exec e -> new ProbePlan.Action.Exec(e.command());
                    case Action.HttpGet h -> httpGet(c, h);
                    case Action.TcpSocket t ->
                            new ProbePlan.Action.TcpSocket(t.host(), t.port().resolve(c));
                    case Action.Grpc g -> new ProbePlan.Action.Grpc(g.port(), g.service());
                    // the model reads sleep only for lifecycle hooks
                    case Action.Sleep s ->
                            throw new IllegalArgumentException("sleep is not a probe action");
                };
        return new ProbePlan(
                action,
                p.initialDelaySeconds(),
                p.periodSeconds(),
                p.timeoutSeconds(),
                p.successThreshold(),
                p.failureThreshold(),
                p.terminationGracePeriodSeconds());
    }

    /** An httpGet of a probe or a lifecycle hook, its port by number. */
    static ProbePlan.Action.HttpGet httpGet(ContainerModel c, Action.HttpGet h) {
        return new ProbePlan.Action.HttpGet(
                h.scheme(),
                h.host(),
                h.port().resolve(c),
                h.path(),
                h.headers().stream().map(x -> new ProbePlan.Header(x.name(), x.value())).toList());
    }
}
