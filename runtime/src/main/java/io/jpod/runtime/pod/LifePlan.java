package io.jpod.runtime.pod;

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

    /** A lifecycle hook jpod runs itself: a command in the container, or a pause. */
    public record Hook(List<String> exec, long sleepSeconds) {
        public Hook {
            exec = exec == null ? List.of() : List.copyOf(exec);
        }

        public static Hook exec(List<String> command) {
            return new Hook(command, 0);
        }

        public static Hook sleep(long seconds) {
            return new Hook(List.of(), seconds);
        }

        public boolean hasCommand() {
            return !exec.isEmpty();
        }
    }
}
