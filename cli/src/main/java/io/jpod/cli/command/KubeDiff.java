package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.cli.output.UnifiedDiff;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.pod.PlanDigest;
import io.jpod.runtime.pod.ReconcileStep;
import io.jpod.runtime.pod.SourcedPlan;

import java.io.IOException;
import java.util.List;

/**
 * {@code kube diff}: what {@code play kube --replace} (with the same options) would do, without
 * doing it; exit 0 when nothing would change, 1 when something would, as {@code kubectl diff}. The
 * diff is of the plans as {@link PlanDigest#render} shows them: what the runtime runs, image ids
 * and resolved env included, Secrets' values masked.
 */
final class KubeDiff {

    private KubeDiff() {}

    static int run(KubeOptions options) throws JpodException, IOException {
        ManifestInput input = KubePlayer.read(options);
        Engine engine = Engine.open(System.getenv());
        List<SourcedPlan> plans =
                KubePlayer.plans(
                        input, ImageResolution.local(engine.imageStore(), input.set()), options);
        boolean changes = false;
        for (ReconcileStep step : engine.planReconcile(plans, input.sources(), options.prune)) {
            System.out.println("pod/" + step.name() + " " + step.action().word());
            if (!step.changes()) {
                continue;
            }
            changes = true;
            String was = step.existing() == null ? "" : engine.planText(step.existing());
            String now = step.sourced() == null ? "" : PlanDigest.render(step.sourced().plan());
            String source =
                    step.sourced() != null
                            ? step.sourced().source()
                            : step.existing().applied().source();
            System.out.print(
                    UnifiedDiff.of(
                            "pod/" + step.name() + " (running)",
                            was,
                            "pod/"
                                    + step.name()
                                    + " ("
                                    + (source == null ? "<stdin>" : source)
                                    + ")",
                            now));
        }
        return changes ? ExitCodes.CHANGES : ExitCodes.OK;
    }
}
