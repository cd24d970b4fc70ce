package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.cli.plan.PlanBuilder;
import io.jpod.model.ManifestException;
import io.jpod.model.ManifestLoader;
import io.jpod.model.ManifestSet;
import io.jpod.model.Notice;
import io.jpod.model.PodModel;
import io.jpod.model.Problem;
import io.jpod.runtime.Runtime;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.pod.PodException;
import io.jpod.runtime.pod.PodPlan;
import io.jpod.runtime.pod.PodService;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.sys.Trace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What {@code play kube} and {@code kube play/down} do. */
final class KubePlayer {

    private KubePlayer() {}

    static int run(KubeOptions options) throws IOException {
        ManifestSet set;
        try {
            set = ManifestLoader.load(options.files, System.in);
        } catch (ManifestException e) {
            e.notices().forEach(n -> System.err.println("Warning: " + n));
            for (Problem p : e.problems()) {
                System.err.println("Error: " + p);
            }
            return ExitCodes.ERROR;
        }
        Trace.mark("parsing: manifests");
        for (Notice n : set.notices()) {
            System.err.println("Notice: " + n);
        }
        Runtime rt = Runtime.open(System.getenv());
        Trace.mark("storage: open runtime");
        PodService pods = new PodService(rt);
        return options.down ? down(set, pods) : play(set, rt, pods, options);
    }

    private static int down(ManifestSet set, PodService pods) throws IOException {
        List<String> removed = new ArrayList<>();
        int code = ExitCodes.OK;
        for (PodModel pod : set.pods().reversed()) {
            try {
                removed.addFirst(pods.remove(pod.name(), true).id());
            } catch (PodException e) {
                System.err.println("Error: " + e.getMessage());
                code = ExitCodes.ERROR;
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

    private static int play(ManifestSet set, Runtime rt, PodService pods, KubeOptions options)
            throws IOException {
        ImageResolution resolved = ImageResolution.resolve(rt.images(), set, options.pull);
        Map<String, Image> images = resolved.images();
        List<String> errors = new ArrayList<>(resolved.errors());
        PodPlan.NetworkMode network;
        try {
            network = PodPlan.NetworkMode.parse(options.network);
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
            return ExitCodes.ERROR;
        }
        PlanBuilder planner = new PlanBuilder(images::get, network);
        List<PodPlan> plans = new ArrayList<>();
        if (errors.isEmpty()) {
            for (PodModel pod : set.pods()) {
                try {
                    plans.add(planner.build(pod, set));
                } catch (ManifestException e) {
                    e.problems().forEach(p -> errors.add(p.toString()));
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.forEach(e -> System.err.println("Error: " + e));
            return ExitCodes.ERROR;
        }
        planner.notices().forEach(n -> System.err.println("Notice: " + n));
        Trace.mark("parsing: plan");
        List<PodRecord> played = new ArrayList<>();
        for (PodPlan plan : plans) {
            try {
                // by exact name: a name that happens to prefix another pod's id must not remove
                // that pod
                var existing =
                        options.replace
                                ? rt.state().podByName(plan.name())
                                : java.util.Optional.<PodRecord>empty();
                if (existing.isPresent()) {
                    pods.remove(existing.get().id(), true);
                }
                played.add(pods.play(plan));
            } catch (PodException e) {
                System.err.println("Error: " + e.getMessage());
                // a failed play leaves nothing behind, including the pods this command already
                // started
                for (PodRecord p : played.reversed()) {
                    try {
                        pods.remove(p.id(), true);
                    } catch (PodException cleanup) {
                        System.err.println("Error: " + cleanup.getMessage());
                    }
                }
                return ExitCodes.ERROR;
            }
        }
        for (PodRecord p : played) {
            System.out.println("Pod:");
            System.out.println(p.id());
            System.out.println("Containers:");
            for (ContainerRecord c : p.containers()) {
                System.out.println(c.id());
            }
            System.out.println();
        }
        return ExitCodes.OK;
    }
}
