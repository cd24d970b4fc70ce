package io.jpod.cli.command;

import io.jpod.cli.Errors;
import io.jpod.cli.ExitCodes;
import io.jpod.model.PodModel;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.state.PodRecord;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code kube down}: removes what plays of the named sources made, all pods at once, each within
 * its grace period; with {@code force}, the volumes of their claims too. Nothing left to remove is
 * not an error, so a down may be repeated.
 */
final class KubeDown {

    private KubeDown() {}

    static int run(ManifestInput input, Engine engine, boolean force) throws IOException {
        Set<String> names =
                input.set().pods().stream().map(PodModel::name).collect(Collectors.toSet());
        List<PodRecord> pods = engine.podsOf(input.sources(), names);
        if (pods.isEmpty()) {
            String of =
                    input.sources().isEmpty()
                            ? "these manifests"
                            : String.join(", ", input.sources());
            System.err.println("Notice: no pods of " + of + " to remove");
            return ExitCodes.OK;
        }
        List<PodRecord> removed;
        try {
            removed = engine.removeEach(pods);
        } catch (JpodException e) {
            return Errors.report(e);
        }
        int code = ExitCodes.OK;
        if (!removed.isEmpty()) {
            System.out.println("Pods stopped:");
            removed.forEach(p -> System.out.println(p.id()));
            System.out.println("Pods removed:");
            removed.forEach(p -> System.out.println(p.id()));
        }
        if (force) {
            Set<String> claims = new LinkedHashSet<>();
            removed.forEach(p -> claims.addAll(p.holds().volumes().keySet()));
            for (String claim : claims) {
                try {
                    engine.removeVolume(claim, false);
                    System.out.println("Volume removed: " + claim);
                } catch (JpodException e) {
                    code = Errors.report(e);
                }
            }
        }
        return code;
    }
}
