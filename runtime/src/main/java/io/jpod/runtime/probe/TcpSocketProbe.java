package io.jpod.runtime.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** tcpSocket: passes when a connection opens, as the kubelet's; nothing is sent. */
final class TcpSocketProbe implements ProbeCheck {

    private final ProbePlan.Action.TcpSocket action;

    TcpSocketProbe(ProbePlan.Action.TcpSocket action) {
        this.action = action;
    }

    @Override
    public Outcome check(Target target, int timeoutSeconds) throws InterruptedException {
        String host = action.host() == null ? target.podIp() : action.host();
        try {
            return Netns.run(
                    target.netns(),
                    () -> {
                        try (Socket s = new Socket()) {
                            s.connect(
                                    new InetSocketAddress(host, action.port()),
                                    timeoutSeconds * 1000);
                            return Outcome.passed("");
                        }
                    });
        } catch (IOException e) {
            return Outcome.failed("dial tcp " + host + ":" + action.port() + ": " + e.getMessage());
        }
    }
}
