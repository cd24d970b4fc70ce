package io.jpod.runtime.pod;

import io.jpod.runtime.Runtime;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.sys.Trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Makes a reserved pod, step by step: files and volumes, network, infra, init containers one at a
 * time, app containers in parallel. Each step is recorded before the next, so a failure or a kill
 * at any point leaves a record that teardown takes apart. Runs with the pod's lock held, never the
 * global one: an init container may run for minutes.
 */
final class PodBuilder {

    private final Runtime rt;
    private final ContainerCreator creator;
    private final PodNetwork network;

    PodBuilder(Runtime rt, ContainerCreator creator) {
        this.rt = rt;
        this.creator = creator;
        this.network = new PodNetwork(rt);
    }

    /** Returns the pod with every container started; images by id, as reserved. */
    PodRecord build(PodRecord pod, PodPlan plan, Map<String, Image> images)
            throws IOException, PodException {
        return build(pod, plan, images, true);
    }

    /**
     * Without {@code start}, the app containers are created and not started ({@code play kube
     * --start=false}); {@code pod start} starts them.
     */
    PodRecord build(PodRecord pod, PodPlan plan, Map<String, Image> images, boolean start)
            throws IOException, PodException {
        Path podDir = Files.createDirectories(rt.layout().pods().resolve(pod.id()));
        PodFiles.write(podDir, plan);
        Files.writeString(
                Lookups.sourceFile(rt, pod.id()), plan.source() == null ? "" : plan.source());
        Files.writeString(Lookups.planFile(rt, pod.id()), PlanDigest.render(plan));
        Volumes.prepare(plan, podDir, rt.layout().volumes(), rt.processes());
        Trace.mark("storage: pod files, volumes");

        pod = network.start(plan, pod, podDir);
        Path netns = pod.network().netnsPath() == null ? null : Path.of(pod.network().netnsPath());
        Trace.mark("network: helper, ports");

        ContainerRecord infra = creator.createInfra(pod.id(), plan.name(), plan.hostname(), netns);
        Progress progress = new Progress(rt.state(), pod);
        progress.infra(infra);
        ContainerRecord runningInfra = creator.start(infra);
        progress.infra(runningInfra);

        // init containers run one at a time, each to a successful exit, before any app container
        for (ContainerPlan init : plan.initContainers()) {
            ContainerRecord c =
                    creator.createApp(
                            pod.id(),
                            plan.name(),
                            plan,
                            init,
                            images.get(init.imageId()),
                            runningInfra,
                            netns,
                            podDir,
                            false);
            progress.addInit(c);
            c = progress.addInit(creator.start(c));
            int code = awaitExit(c);
            if (code != 0) {
                throw new PodException(
                        "init container "
                                + init.name()
                                + " of pod "
                                + plan.name()
                                + " exited with code "
                                + code
                                + " (see `jpod logs "
                                + c.name()
                                + "`)");
            }
        }
        Trace.mark("runtime: infra");

        // containers are independent once the infra holds the namespaces: create and start them
        // in parallel, recording each as soon as it exists so that a failure half-way tears down
        // exactly what was made
        boolean hooked = RestartRule.hooked(plan.restartPolicy());
        List<ContainerRecord> created =
                Parallel.each(
                        plan.containers(),
                        c ->
                                progress.add(
                                        creator.createApp(
                                                runningInfra.podId(),
                                                plan.name(),
                                                plan,
                                                c,
                                                images.get(c.imageId()),
                                                runningInfra,
                                                netns,
                                                podDir,
                                                hooked)));
        progress.order(created);
        Trace.mark("runtime: create containers");
        if (!start) {
            return progress.pod();
        }
        Parallel.each(created, c -> progress.add(creator.start(c)));
        Trace.mark("runtime: start containers");
        return progress.pod();
    }

    /**
     * Waits for a container to exit, as the kubelet waits for an init container, and returns the
     * exit code conmon recorded.
     */
    private int awaitExit(ContainerRecord c) throws IOException {
        Path exitFile = rt.layout().exits().resolve(c.id());
        try {
            while (!Files.exists(exitFile)) {
                rt.processes().sleep(50);
            }
            return Integer.parseInt(Files.readString(exitFile).strip());
        } catch (NumberFormatException e) {
            // conmon writes the file in one go: a partial read is a file being written
            return awaitExit(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for init container " + c.name(), e);
        }
    }
}
