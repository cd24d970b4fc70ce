package io.jpod.runtime.pod;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.Runtime;
import io.jpod.runtime.state.PodRecord;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code play kube --replace}: makes the pods match their source, pod by pod. An unchanged pod is
 * not touched (its processes, PIDs and restart counts stay); a changed one is removed and played
 * again; one whose ConfigMap or Secret files alone changed has them swapped in place. On a failure
 * the pods this call made are removed again; pods it had replaced or removed stay gone, as under
 * podman's --replace.
 */
final class Reconcile {

    private final Runtime rt;
    private final Play play;
    private final Remove remove;
    private final Orphans orphans;
    private final Lookups lookups;

    Reconcile(Runtime rt, Play play, Remove remove, Orphans orphans, Lookups lookups) {
        this.rt = rt;
        this.play = play;
        this.remove = remove;
        this.orphans = orphans;
        this.lookups = lookups;
    }

    List<ReconcileStep> plan(List<SourcedPlan> wanted, Set<String> sources, boolean prune)
            throws IOException {
        orphans.repair();
        return ReconcilePlan.of(wanted, lookups.pods(), sources, prune).stream()
                .map(this::replacedIfGone)
                .toList();
    }

    /**
     * A pod whose infra no longer runs (a reboot, a kill) has lost its namespaces: an unchanged
     * spec must not leave it down, so it is made anew, as a first play would.
     */
    private ReconcileStep replacedIfGone(ReconcileStep step) {
        boolean kept =
                step.action() == ReconcileStep.Action.UNCHANGED
                        || step.action() == ReconcileStep.Action.UPDATED;
        PodRecord pod = step.existing();
        if (kept && (pod.infra() == null || !lookups.alive(pod.infra()))) {
            return new ReconcileStep(
                    ReconcileStep.Action.REPLACED, step.name(), step.sourced(), pod);
        }
        return step;
    }

    List<Reconciled> apply(
            List<SourcedPlan> wanted, Set<String> sources, boolean prune, PlayOptions options)
            throws JpodException, IOException {
        List<Reconciled> done = new ArrayList<>();
        List<PodRecord> made = new ArrayList<>();
        for (ReconcileStep step : plan(wanted, sources, prune)) {
            try {
                switch (step.action()) {
                    case CREATED -> {
                        PodRecord p = play.one(step.sourced(), options);
                        made.add(p);
                        done.add(new Reconciled(step.action(), p));
                    }
                    case REPLACED -> {
                        remove.remove(step.existing().id(), true);
                        PodRecord p = play.one(step.sourced(), options);
                        made.add(p);
                        done.add(new Reconciled(step.action(), p));
                    }
                    case UPDATED, UNCHANGED -> done.add(new Reconciled(step.action(), keep(step)));
                    case REMOVED -> {
                        remove.remove(step.existing().id(), true);
                        done.add(new Reconciled(step.action(), step.existing()));
                    }
                }
            } catch (JpodException | IOException e) {
                List<String> messages = new ArrayList<>(List.of(String.valueOf(e.getMessage())));
                for (PodRecord p : made.reversed()) {
                    try {
                        remove.remove(p.id(), true);
                    } catch (JpodException | IOException cleanup) {
                        messages.add(cleanup.getMessage());
                    }
                }
                throw new JpodException(JpodException.ERROR, messages, e);
            }
        }
        return done;
    }

    /**
     * Under the pod's lock: swaps changed files in place and records the new source and digests, so
     * that a pod a directory now holds is found by that directory.
     */
    private PodRecord keep(ReconcileStep step) throws PodException, IOException {
        Optional<HeldPod> taken = HeldPod.take(rt.state(), step.existing().id());
        if (taken.isEmpty()) {
            throw new PodException("pod " + step.name() + " was removed meanwhile");
        }
        try (HeldPod held = taken.get()) {
            if (step.action() == ReconcileStep.Action.UPDATED) {
                VolumeFilesSwap.update(
                        step.sourced().plan(), rt.layout().pods().resolve(held.pod().id()));
                java.nio.file.Files.writeString(
                        Lookups.planFile(rt, held.pod().id()),
                        PlanDigest.render(step.sourced().plan()));
            }
            PodRecord next = held.pod().withApplied(step.sourced().applied());
            rt.state().save(next);
            return next;
        }
    }
}
