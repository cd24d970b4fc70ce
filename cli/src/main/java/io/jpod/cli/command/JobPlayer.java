package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.model.JobModel;
import io.jpod.model.ManifestSet;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.pod.JobPlan;
import io.jpod.runtime.pod.JobRun;
import io.jpod.runtime.pod.PodPlan;
import io.jpod.runtime.state.PodRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Jobs of a {@code play kube}. With {@code --wait} each Job runs to its end in this process and
 * the exit code is its result. Without it, only the first {@code parallelism} pods are played and a
 * notice says that the rest, backoffLimit and activeDeadlineSeconds need {@code --wait}: no daemon
 * is left behind to run them.
 */
final class JobPlayer {

    private JobPlayer() {}

    /** The names of the pods that belong to Jobs, which the plain play leaves to this class. */
    static Set<String> jobPods(ManifestSet set) {
        Set<String> names = new HashSet<>();
        set.jobs().forEach(j -> names.addAll(j.podNames()));
        return names;
    }

    /** Returns the exit code: 0 when every Job completed (or, without --wait, started). */
    static int play(
            ManifestSet set,
            Map<String, PodPlan> plans,
            Engine engine,
            KubeOptions options,
            Consumer<PodRecord> printer)
            throws JpodException, IOException {
        int code = ExitCodes.OK;
        for (JobModel job : set.jobs()) {
            List<PodPlan> pods = new ArrayList<>();
            for (String name : job.podNames()) {
                pods.add(plans.get(name));
            }
            JobPlan plan =
                    new JobPlan(
                            job.name(),
                            job.parallelism(),
                            job.backoffLimit(),
                            job.activeDeadlineSeconds(),
                            pods);
            if (!options.waitForPods) {
                int first = Math.min(plan.parallelism(), plan.completions());
                engine.play(pods.subList(0, first), options.replace).forEach(printer);
                if (first < plan.completions() || job.activeDeadlineSeconds() != null) {
                    System.err.println(
                            "Notice: Job "
                                    + job.name()
                                    + ": "
                                    + first
                                    + " of "
                                    + plan.completions()
                                    + " pods started; with --wait jpod runs them all and applies"
                                    + " backoffLimit and activeDeadlineSeconds");
                }
                continue;
            }
            JobRun.Result result =
                    engine.runJob(
                            plan,
                            options.replace,
                            printer,
                            n -> System.err.println("Notice: " + n));
            System.err.println(
                    "Job "
                            + job.name()
                            + ": "
                            + result.reason()
                            + " ("
                            + result.succeeded()
                            + " of "
                            + plan.completions()
                            + " succeeded, "
                            + result.failed()
                            + " failed pods)");
            if (!result.complete() && code == ExitCodes.OK) {
                code = result.exitCode() > 0 ? result.exitCode() : 1;
            }
        }
        return code;
    }
}
