package io.jpod.cluster;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code jpod kube apply} was asked to do.
 *
 * @param sources manifest files or directories; {@code -} is standard input
 * @param kubeconfig the kubeconfig file, or null for {@code $KUBECONFIG} then {@code
 *     ~/.kube/config}
 * @param context the kubeconfig context, or null for its current one
 * @param namespace the namespace for objects that name none, or null for the context's
 * @param dryRun {@code --dry-run=server}: the server validates and answers, and keeps nothing
 * @param forceConflicts take over fields that another field manager owns, as kubectl's flag
 */
public record ApplyRequest(
        List<String> sources,
        Path kubeconfig,
        String context,
        String namespace,
        boolean dryRun,
        boolean forceConflicts) {

    /** The field manager every apply names, so that the server tracks what jpod set. */
    public static final String FIELD_MANAGER = "jpod";

    public ApplyRequest {
        sources = List.copyOf(sources);
    }
}
