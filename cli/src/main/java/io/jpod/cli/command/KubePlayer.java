package io.jpod.cli.command;

import io.jpod.cli.Errors;
import io.jpod.cli.ExitCodes;
import io.jpod.cli.plan.PlanBuilder;
import io.jpod.model.ManifestException;
import io.jpod.model.ManifestLoader;
import io.jpod.model.ManifestSet;
import io.jpod.model.Notice;
import io.jpod.model.PodModel;
import io.jpod.model.Problem;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.pod.PodPlan;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.sys.Trace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code play kube} and {@code kube play/down} do: manifests to plans, plans to the engine.
 */
final class KubePlayer {

    private KubePlayer() {}

    static int run(KubeOptions options) throws JpodException, IOException {
        ManifestSet set;
        try {
            set = ManifestLoader.load(options.files, System.in);
        } catch (ManifestException e) {
            e.notices().forEach(n -> System.err.println("Warning: " + n));
            throw problems(e);
        }
        Trace.mark("parsing: manifests");
        for (Notice n : set.notices()) {
            System.err.println("Notice: " + n);
        }
        if (set.pods().isEmpty()) {
            // podman refuses such a file too: a silent success would hide a wrong path or kind
            throw new JpodException(
                    String.join(", ", options.files)
                            + ": no Pod, Deployment, DaemonSet or Job to "
                            + (options.down ? "take down" : "play"));
        }
        Engine engine = Engine.open(System.getenv());
        Trace.mark("storage: open runtime");
        return options.down ? down(set, engine) : play(set, engine, options);
    }

    private static int down(ManifestSet set, Engine engine) throws IOException {
        List<String> removed = new ArrayList<>();
        int code = ExitCodes.OK;
        for (PodModel pod : set.pods().reversed()) {
            try {
                removed.addFirst(engine.remove(pod.name(), true).id());
            } catch (JpodException e) {
                code = Errors.report(e);
            }
        }
        if (!removed.isEmpty()) {
            System.out.println("Pods stopped:");
            removed.forEach(System.out::println);
            System.out.println("Pods removed:");
            removed.forEach(System.out::println);
        }
        return code;
    }

    private static int play(ManifestSet set, Engine engine, KubeOptions options)
            throws JpodException, IOException {
        PodPlan.NetworkMode network;
        try {
            network = PodPlan.NetworkMode.parse(options.network);
        } catch (IllegalArgumentException e) {
            throw new JpodException(e.getMessage());
        }
        // each image is looked up (or pulled, per its imagePullPolicy) once, here: the plans carry
        // the ids the engine then runs
        ImageResolution resolved = ImageResolution.resolve(engine.imageStore(), set, options.pull);
        if (!resolved.errors().isEmpty()) {
            throw new JpodException(ExitCodes.ERROR, resolved.errors(), null);
        }
        Map<String, Image> images = resolved.images();
        PlanBuilder planner = new PlanBuilder(images::get, network);
        List<PodPlan> plans = new ArrayList<>();
        // a Job's pods are JobPlayer's: it plays them as the Job's parallelism allows
        Set<String> jobPods = JobPlayer.jobPods(set);
        Map<String, PodPlan> jobPlans = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (PodModel pod : set.pods()) {
            try {
                PodPlan plan = planner.build(pod, set);
                if (jobPods.contains(pod.name())) {
                    jobPlans.put(pod.name(), plan);
                } else {
                    plans.add(plan);
                }
            } catch (ManifestException e) {
                errors.addAll(problems(e).messages());
            }
        }
        if (!errors.isEmpty()) {
            throw new JpodException(JpodException.ERROR, errors, null);
        }
        planner.notices().forEach(n -> System.err.println("Notice: " + n));
        Trace.mark("parsing: plan");
        if (!plans.isEmpty()) {
            engine.play(plans, options.replace).forEach(KubePlayer::print);
        }
        return JobPlayer.play(set, jobPlans, engine, options, KubePlayer::print);
    }

    private static void print(PodRecord p) {
        System.out.println("Pod:");
        System.out.println(p.id());
        System.out.println("Containers:");
        for (ContainerRecord c : p.containers()) {
            System.out.println(c.id());
        }
        System.out.println();
    }

    private static JpodException problems(ManifestException e) {
        return new JpodException(
                JpodException.ERROR, e.problems().stream().map(Problem::toString).toList(), e);
    }
}
