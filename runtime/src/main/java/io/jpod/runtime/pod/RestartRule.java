package io.jpod.runtime.pod;

/**
 * Kubernetes' restartPolicy for a pod's app containers, and the kubelet's back-off between
 * restarts.
 */
final class RestartRule {

    private static final long FIRST_BACKOFF_MILLIS = 10_000;
    private static final long MAX_BACKOFF_MILLIS = 300_000;

    private RestartRule() {}

    /** Whether the containers need conmon's exit hook at all. */
    static boolean hooked(String policy) {
        return !"Never".equals(policy);
    }

    /** Always restarts; OnFailure only after a non-zero exit; Never never. */
    static boolean restarts(String policy, int exitCode) {
        return switch (policy) {
            case "Always" -> true;
            case "OnFailure" -> exitCode != 0;
            default -> false;
        };
    }

    /**
     * The wait before restart number {@code restartCount + 1}: none for the first, then 10 s
     * doubling to 5 min.
     */
    static long backoffMillis(int restartCount) {
        if (restartCount == 0) {
            return 0;
        }
        return Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(restartCount - 1, 10));
    }
}
