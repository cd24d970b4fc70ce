package io.jpod.runtime.probe;

import io.jpod.runtime.Runtime;

/** The check that runs a probe's action. */
final class ProbeChecks {

    private ProbeChecks() {}

    static ProbeCheck of(ProbePlan.Action action, Runtime rt) {
        return switch (action) {
            case ProbePlan.Action.Exec e -> new ExecProbe(e, rt.oci(), rt.processes());
            case ProbePlan.Action.HttpGet h -> new HttpGetProbe(h);
            case ProbePlan.Action.TcpSocket t -> new TcpSocketProbe(t);
            case ProbePlan.Action.Grpc g -> new GrpcProbe(g);
        };
    }
}
