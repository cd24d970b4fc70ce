package io.jpod.cli.command;

import io.jpod.cluster.ApplyException;
import io.jpod.cluster.ApplyRequest;
import io.jpod.cluster.ClusterApply;
import io.jpod.runtime.JpodException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code kube apply} does with the cluster module, apart from the command class: picocli
 * instantiates every command at start-up, and a command that named fabric8's or the cluster
 * module's types would load them for {@code ps} too.
 */
final class KubeApplier {
    private KubeApplier() {}

    static void apply(
            List<String> files,
            String kubeconfig,
            String context,
            String namespace,
            boolean dryRun,
            boolean forceConflicts,
            PrintWriter out)
            throws JpodException {
        ApplyRequest request =
                new ApplyRequest(
                        files,
                        kubeconfig == null ? null : Path.of(kubeconfig),
                        context,
                        namespace,
                        dryRun,
                        forceConflicts);
        try {
            ClusterApply.apply(request, System.getenv(), System.in, out::println);
        } catch (ApplyException e) {
            throw new JpodException(JpodException.ERROR, e.messages(), e);
        } finally {
            out.flush();
        }
    }
}
