package io.jpod.runtime.pod;

import io.jpod.runtime.probe.ProbePlan;

import java.util.List;

/**
 * How the kubelet runs one container over its life, beyond its process: hooks, the stop signal, the
 * termination message, and whether it is a sidecar (an init container with restartPolicy Always).
 *
 * @param stopSignal a signal name without {@code SIG} ({@code TERM}, {@code QUIT}); the manifest's
 *     {@code lifecycle.stopSignal}, else the image's STOPSIGNAL, else TERM
 * @param terminationMessagePath where the container writes its termination message
 * @param fallbackToLogsOnError terminationMessagePolicy FallbackToLogsOnError
 */
public record LifePlan(
        Hook postStart,
        Hook preStop,
        String stopSignal,
        String terminationMessagePath,
        boolean fallbackToLogsOnError,
        boolean sidecar) {

    public static final String DEFAULT_TERMINATION_PATH = "/dev/termination-log";

    public static final LifePlan DEFAULT =
            new LifePlan(null, null, "TERM", DEFAULT_TERMINATION_PATH, false, false);

    public LifePlan {
        stopSignal = stopSignal == null || stopSignal.isEmpty() ? "TERM" : stopSignal;
        terminationMessagePath =
                terminationMessagePath == null || terminationMessagePath.isEmpty()
                        ? DEFAULT_TERMINATION_PATH
                        : terminationMessagePath;
    }

    /**
     * A lifecycle hook jpod runs itself: a command in the container, an HTTP GET made from the
     * pod's network namespace (as an httpGet probe's, named port resolved), or a pause.
     *
     * @param httpGet null unless the hook is an httpGet; null in records of an older jpod
     */
    public record Hook(List<String> exec, long sleepSeconds, ProbePlan.Action.HttpGet httpGet) {
        public Hook {
            exec = exec == null ? List.of() : List.copyOf(exec);
        }

        public static Hook exec(List<String> command) {
            return new Hook(command, 0, null);
        }

        public static Hook sleep(long seconds) {
            return new Hook(List.of(), seconds, null);
        }

        public static Hook httpGet(ProbePlan.Action.HttpGet get) {
            return new Hook(List.of(), 0, get);
        }

        public boolean hasCommand() {
            return !exec.isEmpty();
        }
    }
}
