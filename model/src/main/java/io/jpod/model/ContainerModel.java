package io.jpod.model;

import java.util.List;

/**
 * A container or init container as written, with Kubernetes' defaults applied. command and args are
 * null when absent, which differs from empty. restartPolicy is null except for sidecar init
 * containers. terminationMessagePath is Kubernetes' default /dev/termination-log when absent;
 * fallbackToLogsOnError is terminationMessagePolicy FallbackToLogsOnError.
 */
public record ContainerModel(
        String name,
        String image,
        PullPolicy imagePullPolicy,
        List<String> command,
        List<String> args,
        String workingDir,
        List<PortModel> ports,
        List<EnvVarModel> env,
        List<EnvFromModel> envFrom,
        List<MountModel> volumeMounts,
        SecurityModel securityContext,
        ResourcesModel resources,
        ProbeModel livenessProbe,
        ProbeModel readinessProbe,
        ProbeModel startupProbe,
        LifecycleModel lifecycle,
        RestartPolicy restartPolicy,
        boolean tty,
        boolean stdin,
        boolean stdinOnce,
        String terminationMessagePath,
        boolean fallbackToLogsOnError) {

    public static final String DEFAULT_TERMINATION_MESSAGE_PATH = "/dev/termination-log";

    /**
     * Kubernetes' default: Always for {@code :latest} or no tag (unless pinned by digest), else
     * IfNotPresent.
     */
    public static PullPolicy defaultPullPolicy(String image) {
        if (image.contains("@")) {
            return PullPolicy.IF_NOT_PRESENT;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        boolean tagged = colon > slash;
        return !tagged || image.substring(colon + 1).equals("latest")
                ? PullPolicy.ALWAYS
                : PullPolicy.IF_NOT_PRESENT;
    }
}
