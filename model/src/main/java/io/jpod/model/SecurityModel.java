package io.jpod.model;

import java.util.List;

/**
 * A container's security context, already merged with the pod's: a container value wins, a pod
 * value fills the gaps (runAsUser, runAsGroup, runAsNonRoot, seccompProfile). Null means unset;
 * procMount is {@code Default} or {@code Unmasked}.
 */
public record SecurityModel(
        Long runAsUser,
        Long runAsGroup,
        Boolean runAsNonRoot,
        Boolean privileged,
        Boolean readOnlyRootFilesystem,
        Boolean allowPrivilegeEscalation,
        List<String> capabilitiesAdd,
        List<String> capabilitiesDrop,
        String seccompProfile,
        String procMount) {

    public static final SecurityModel EMPTY =
            new SecurityModel(null, null, null, null, null, null, List.of(), List.of(), null, null);

    /** procMount: Unmasked, the runtime masks nothing under /proc and /sys. */
    public boolean unmaskedProc() {
        return "Unmasked".equals(procMount);
    }

    public boolean isPrivileged() {
        return Boolean.TRUE.equals(privileged);
    }

    /** This context with the pod's values filling what the container left unset. */
    public SecurityModel mergedWith(PodSecurityModel pod) {
        return new SecurityModel(
                runAsUser != null ? runAsUser : pod.runAsUser(),
                runAsGroup != null ? runAsGroup : pod.runAsGroup(),
                runAsNonRoot != null ? runAsNonRoot : pod.runAsNonRoot(),
                privileged,
                readOnlyRootFilesystem,
                allowPrivilegeEscalation,
                capabilitiesAdd,
                capabilitiesDrop,
                seccompProfile != null ? seccompProfile : pod.seccompProfile(),
                procMount);
    }
}
