package io.jpod.cli.command;

import io.jpod.cli.Errors;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.systemd.SdNotify;

import java.io.IOException;
import java.util.List;

/**
 * {@code play kube --wait} as a Type=notify service: once every played pod is Ready (its readiness
 * probes pass, or it has none and its containers run), jpod tells systemd READY=1, with its own pid
 * as MAINPID: the process that stays and tears the pods down on SIGTERM.
 */
final class ServiceReady {

    /** How long one round of the wait lasts before it starts again; a pod may take any time. */
    private static final long ROUND_MILLIS = 60_000;

    private ServiceReady() {}

    /** Starts the wait in the background; the foreground waits for the pods to end. */
    static void notifyWhenReady(Engine engine, List<PodRecord> pods, SdNotify notify) {
        List<String> names = pods.stream().map(PodRecord::id).toList();
        Thread.ofPlatform()
                .daemon()
                .name("sd-notify")
                .start(
                        () -> {
                            try {
                                while (!engine.readyWait().ready(names, ROUND_MILLIS).isEmpty()) {
                                    // not Ready yet: wait another round
                                }
                                notify.ready(ProcessHandle.current().pid());
                            } catch (IOException e) {
                                Errors.report(
                                        new JpodException(
                                                "cannot tell systemd the pods are ready: "
                                                        + e.getMessage()));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
    }
}
