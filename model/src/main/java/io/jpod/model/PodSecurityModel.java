package io.jpod.model;

import java.util.List;
import java.util.Map;

/**
 * A pod's security context as written; seccompProfile is {@code RuntimeDefault}, {@code Unconfined}
 * or {@code Localhost/<path>}.
 */
public record PodSecurityModel(
        Long runAsUser,
        Long runAsGroup,
        Boolean runAsNonRoot,
        Long fsGroup,
        List<Long> supplementalGroups,
        Map<String, String> sysctls,
        String seccompProfile) {

    public static final PodSecurityModel EMPTY =
            new PodSecurityModel(null, null, null, null, List.of(), Map.of(), null);
}
