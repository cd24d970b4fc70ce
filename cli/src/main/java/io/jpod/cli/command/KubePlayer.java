package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.cli.plan.PlanBuilder;
import io.jpod.cli.plan.PortOverrides;
import io.jpod.model.ManifestException;
import io.jpod.model.Notice;
import io.jpod.model.PodModel;
import io.jpod.model.Problem;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.logs.LogDriver;
import io.jpod.runtime.pod.Engine;
import io.jpod.runtime.pod.PlayOptions;
import io.jpod.runtime.pod.PodPlan;
import io.jpod.runtime.pod.ReconcileStep;
import io.jpod.runtime.pod.Reconciled;
import io.jpod.runtime.pod.SourcedPlan;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.sys.Trace;
import io.jpod.runtime.systemd.SdNotify;

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

    static int run(KubeOptions options) throws JpodException, IOException, InterruptedException {
        refuseUnsupported(options);
        if (options.watch) {
            return KubeWatch.run(options);
        }
        // while the manifests are read and parsed: a play or down starts helpers soon after
        Engine.warmUp();
        ManifestInput input = read(options);
        Engine engine = Engine.open(System.getenv());
        Trace.mark("storage: open runtime");
        if (options.down) {
            return KubeDown.run(input, engine, options.force);
        }
        ServiceHandoffs service = ServiceHandoffs.of(input, options);
        Set<String> jobPods = JobPlayer.jobPods(input.set());
        if (!jobPods.isEmpty()) {
            return playJobs(input, engine, options, jobPods, service);
        }
        List<PodRecord> played = play(input, engine, options, options.replace, service);
        if (options.waitReady != null) {
            ReadyGate.await(engine, played, WaitTimeout.millis(options.waitReady));
        }
        if (!options.waitForPods) {
            return ExitCodes.OK;
        }
        // a container that notifies speaks for the service; a reconcile that left its pod running
        // made no container with the relay, and then jpod does
        if (service.sdNotify().map(n -> !n.relay().bound()).orElse(true)) {
            SdNotify.from(System.getenv())
                    .ifPresent(notify -> ServiceReady.notifyWhenReady(engine, played, notify));
        }
        return PlayWait.run(engine, played);
    }

    /** Values jpod would have to pretend to honour; refused, each with what is possible. */
    private static void refuseUnsupported(KubeOptions options) throws JpodException {
        logDriver(options);
        if (!options.userns.isEmpty()
                && !options.userns.equals("host")
                && !options.userns.equals("auto")) {
            throw new JpodException(
                    "--userns "
                            + options.userns
                            + " is not supported: host (jpod's user namespace, which maps your"
                            + " user to root) or auto (a user namespace of each pod's own)");
        }
        if (options.watch && options.files.stream().anyMatch(f -> f.equals("-"))) {
            throw new JpodException("--watch needs files or directories, not stdin");
        }
    }

    /** The manifests, validated, with the source each pod came from. */
    static ManifestInput read(KubeOptions options) throws JpodException {
        ManifestInput input;
        try {
            input =
                    ManifestInput.load(
                            options.files, options.configMaps, options.annotations, System.in);
        } catch (ManifestException e) {
            e.notices().forEach(n -> System.err.println("Warning: " + n));
            throw problems(e);
        }
        Trace.mark("parsing: manifests");
        for (Notice n : input.set().notices()) {
            System.err.println("Notice: " + n);
        }
        if (input.set().pods().isEmpty()) {
            // podman refuses such a file too: a silent success would hide a wrong path or kind
            throw new JpodException(
                    String.join(", ", options.files)
                            + ": no Pod, Deployment, DaemonSet or Job to "
                            + (options.down ? "take down" : "play"));
        }
        return input;
    }

    /**
     * Plays the manifests: all or nothing on a first play; with {@code reconcile}, pod by pod,
     * printing one line per pod ({@code pod/NAME created|replaced|updated|unchanged|removed}).
     */
    static List<PodRecord> play(
            ManifestInput input,
            Engine engine,
            KubeOptions options,
            boolean reconcile,
            ServiceHandoffs service)
            throws JpodException, IOException {
        if (reconcile) {
            List<PodRecord> pods = new ArrayList<>();
            for (Reconciled r : reconcile(input, engine, options, service)) {
                System.out.println(line(r));
                if (r.action() != ReconcileStep.Action.REMOVED) {
                    pods.add(r.pod());
                }
            }
            return pods;
        }
        List<SourcedPlan> plans = plans(input, engine, options);
        PlayOptions play = playOptions(plans, options, service);
        List<PodRecord> played = engine.play(plans, false, play);
        played.forEach(KubePlayer::print);
        return played;
    }

    /**
     * Plays a file with Jobs: the other pods as a first play does, each Job's pods as {@link
     * JobPlayer} runs them (with {@code --wait}, to the Job's end, whose result is the exit code).
     * Jobs are not reconciled: a Job runs to an end, and a new play of it is a new run.
     */
    private static int playJobs(
            ManifestInput input,
            Engine engine,
            KubeOptions options,
            Set<String> jobPods,
            ServiceHandoffs service)
            throws JpodException, IOException, InterruptedException {
        List<SourcedPlan> others = new ArrayList<>();
        Map<String, PodPlan> jobPlans = new LinkedHashMap<>();
        for (SourcedPlan p : plans(input, engine, options)) {
            if (jobPods.contains(p.plan().name())) {
                jobPlans.put(p.plan().name(), p.plan());
            } else {
                others.add(p);
            }
        }
        if (!others.isEmpty()) {
            engine.play(others, options.replace, playOptions(others, options, service))
                    .forEach(KubePlayer::print);
        }
        return JobPlayer.play(input.set(), jobPlans, engine, options, KubePlayer::print);
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

    /** {@code play kube --replace}: each pod made to match its plan. */
    static List<Reconciled> reconcile(
            ManifestInput input, Engine engine, KubeOptions options, ServiceHandoffs service)
            throws JpodException, IOException {
        List<SourcedPlan> plans = plans(input, engine, options);
        return engine.reconcile(
                plans, input.sources(), options.prune, playOptions(plans, options, service));
    }

    /** What a play prints for each pod it reconciled. */
    static String line(Reconciled r) {
        return "pod/" + r.pod().name() + " " + r.action().word();
    }

    private static PlayOptions playOptions(
            List<SourcedPlan> plans, KubeOptions options, ServiceHandoffs service)
            throws JpodException {
        if (!options.start) {
            for (SourcedPlan p : plans) {
                if (!p.plan().initContainers().isEmpty()) {
                    throw new JpodException(
                            "--start=false: pod "
                                    + p.plan().name()
                                    + " has init containers, which jpod runs only while it"
                                    + " plays the pod");
                }
            }
        }
        return new PlayOptions(
                options.start, logDriver(options), service.sockets(), service.sdNotify());
    }

    private static LogDriver logDriver(KubeOptions options) throws JpodException {
        try {
            return LogDriver.parse(options.logDriver);
        } catch (IllegalArgumentException e) {
            throw new JpodException(e.getMessage());
        }
    }

    private static List<SourcedPlan> plans(ManifestInput input, Engine engine, KubeOptions options)
            throws JpodException, IOException {
        return plans(
                input,
                ImageResolution.resolve(engine.imageStore(), input.set(), options.pull),
                options);
    }

    /** Each pod's plan, with the command line's ports, and the source it came from. */
    static List<SourcedPlan> plans(
            ManifestInput input, ImageResolution resolved, KubeOptions options)
            throws JpodException {
        PodPlan.NetworkMode network;
        List<PortOverrides.Publish> publish = new ArrayList<>();
        try {
            network = PodPlan.NetworkMode.parse(options.network);
            for (String p : options.publish) {
                publish.add(PortOverrides.Publish.parse(p));
            }
        } catch (IllegalArgumentException e) {
            throw new JpodException(e.getMessage());
        }
        // each image is looked up (or pulled, per its imagePullPolicy) once, before: the plans
        // carry the ids the engine then runs
        if (!resolved.errors().isEmpty()) {
            throw new JpodException(ExitCodes.ERROR, resolved.errors(), null);
        }
        Map<String, Image> images = resolved.images();
        PlanBuilder planner = new PlanBuilder(images::get, network, options.userns.equals("auto"));
        List<PodPlan> plans = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (PodModel pod : input.set().pods()) {
            try {
                plans.add(planner.build(pod, input.set()));
            } catch (ManifestException e) {
                errors.addAll(problems(e).messages());
            }
        }
        if (!errors.isEmpty()) {
            throw new JpodException(JpodException.ERROR, errors, null);
        }
        planner.notices().forEach(n -> System.err.println("Notice: " + n));
        try {
            plans = PortOverrides.apply(input.set().pods(), plans, publish, options.publishAll);
        } catch (IllegalArgumentException e) {
            throw new JpodException(e.getMessage());
        }
        Trace.mark("parsing: plan");
        return plans.stream()
                .map(p -> options.noHosts ? p.withNoHosts() : p)
                .map(p -> new SourcedPlan(p, input.sourceOfPod().get(p.name())))
                .toList();
    }

    static JpodException problems(ManifestException e) {
        return new JpodException(
                JpodException.ERROR, e.problems().stream().map(Problem::toString).toList(), e);
    }
}
