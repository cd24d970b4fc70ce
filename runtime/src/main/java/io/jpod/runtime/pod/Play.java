package io.jpod.runtime.pod;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.Runtime;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.net.PortRules;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.state.StateStore;
import io.jpod.runtime.sys.Trace;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code play kube}: runs the pods of plans, all or nothing. A pod's name is reserved under the
 * short global lock, together with the images and volumes it holds; it is then made under its own
 * lock only, so plays of other pods, and any other command on them, go on meanwhile.
 */
final class Play {

    private final Runtime rt;
    private final PodBuilder builder;
    private final PodTeardown teardown;
    private final Remove remove;
    private final Orphans orphans;

    Play(Runtime rt, PodBuilder builder, PodTeardown teardown, Remove remove, Orphans orphans) {
        this.rt = rt;
        this.builder = builder;
        this.teardown = teardown;
        this.remove = remove;
        this.orphans = orphans;
    }

    /**
     * Plays each plan in turn; with {@code replace}, a pod of the same name is removed first. On
     * any failure every pod this call made is removed again before the error is thrown.
     */
    List<PodRecord> play(List<PodPlan> plans, boolean replace) throws JpodException, IOException {
        return play(
                plans.stream().map(p -> new SourcedPlan(p, null)).toList(),
                replace,
                PlayOptions.DEFAULT);
    }

    /** As {@link #play(List, boolean)}, each pod recording its source and its plan's digests. */
    List<PodRecord> play(List<SourcedPlan> sourced, boolean replace, PlayOptions options)
            throws JpodException, IOException {
        // what a killed play left may hold the names, images and ports this one needs
        orphans.repair();
        List<PodRecord> played = new ArrayList<>();
        for (SourcedPlan each : sourced) {
            PodPlan plan = each.plan();
            try {
                if (replace) {
                    // by exact name: a name that prefixes another pod's id must not remove that
                    Optional<PodRecord> existing = rt.state().podByName(plan.name());
                    if (existing.isPresent()) {
                        remove.remove(existing.get().id(), true);
                    }
                }
                played.add(one(each, options));
            } catch (JpodException | IOException e) {
                List<String> messages = new ArrayList<>(List.of(String.valueOf(e.getMessage())));
                for (PodRecord p : played.reversed()) {
                    try {
                        remove.remove(p.id(), true);
                    } catch (JpodException | IOException cleanup) {
                        messages.add(cleanup.getMessage());
                    }
                }
                throw new JpodException(JpodException.ERROR, messages, e);
            }
        }
        return played;
    }

    /** Runs one pod; on failure everything created for it is removed before the error is thrown. */
    PodRecord one(PodPlan plan) throws PodException, IOException {
        return one(new SourcedPlan(plan, null), PlayOptions.DEFAULT);
    }

    /** With {@code options.start()} false, the app containers are created and left so. */
    PodRecord one(SourcedPlan sourced, PlayOptions options) throws PodException, IOException {
        PodPlan plan = sourced.plan();
        String id = Ids.next();
        try (StateStore.Lock ignored = rt.state().podLock(id)) {
            Reserved reserved;
            try {
                reserved = reserve(id, plan, sourced.applied());
            } catch (PodException | IOException | RuntimeException e) {
                rt.state().deletePodLock(id);
                throw e;
            }
            Trace.mark("storage: lock, state");
            try {
                options.logDriver().record(rt.layout().pods().resolve(id));
                PodRecord pod = builder.build(reserved.pod(), plan, reserved.images(), options);
                pod = pod.withPhase(PodPhase.CREATED);
                rt.state().save(pod);
                return pod;
            } catch (IOException | PodException | RuntimeException e) {
                PodRecord latest = rt.state().pod(id).orElse(reserved.pod());
                try {
                    teardown.remove(latest, 0);
                } catch (IOException | RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e instanceof PodException pe ? pe : new PodException(e.getMessage(), e);
            }
        }
    }

    private record Reserved(PodRecord pod, Map<String, Image> images) {}

    /**
     * Under the global lock: takes the name, checks that every image is still in the store, and
     * records the pod as CREATING with what it holds, so that rmi and volume rm see it at once.
     */
    private Reserved reserve(String id, PodPlan plan, PodRecord.Applied applied)
            throws PodException, IOException {
        if (rt.layout().rootless()) {
            try {
                PortRules.checkRootless(plan.ports(), PortRules.unprivilegedStart());
            } catch (IOException e) {
                throw new PodException(e.getMessage());
            }
        }
        try (StateStore.Lock ignored = rt.state().lock()) {
            if (rt.state().podByName(plan.name()).isPresent()) {
                throw new PodException("pod " + plan.name() + " already exists");
            }
            Map<String, Image> images = images(plan);
            Trace.mark("storage: images");
            PodRecord pod =
                    new PodRecord(
                            id,
                            plan.name(),
                            plan.hostname(),
                            PodPhase.CREATING,
                            ProcessHandle.current().pid(),
                            Instant.now(),
                            plan.labels(),
                            plan.gracePeriodSeconds(),
                            plan.restartPolicy(),
                            null,
                            null,
                            List.of(),
                            List.of(),
                            new PodRecord.Holds(List.copyOf(images.keySet()), claims(plan)),
                            applied);
            rt.state().save(pod);
            return new Reserved(pod, images);
        }
    }

    /** The plan's images by id, exactly the ones the plan was made from. */
    private Map<String, Image> images(PodPlan plan) throws PodException, IOException {
        Map<String, Image> byId = new LinkedHashMap<>();
        for (Image image : rt.images().list()) {
            byId.put(image.id(), image);
        }
        Map<String, Image> images = new LinkedHashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        List<ContainerPlan> all = new ArrayList<>(plan.initContainers());
        all.addAll(plan.containers());
        for (ContainerPlan c : all) {
            Image image = byId.get(c.imageId());
            if (image == null) {
                missing.add(c.image());
            } else {
                images.put(c.imageId(), image);
            }
        }
        if (!missing.isEmpty()) {
            throw new PodException(
                    "image not known: "
                            + String.join(", ", missing)
                            + " (load it with `jpod load -i ARCHIVE` or `jpod import ROOTFS.tar"
                            + " NAME`)");
        }
        return images;
    }

    /** Each claimed volume with the containers that mount it, in the names the user sees. */
    private static Map<String, List<String>> claims(PodPlan plan) {
        List<ContainerPlan> all = new ArrayList<>(plan.initContainers());
        all.addAll(plan.containers());
        Map<String, List<String>> claims = new LinkedHashMap<>();
        for (VolumePlan v : plan.volumes()) {
            if (v instanceof VolumePlan.Named named) {
                List<String> users = claims.computeIfAbsent(named.claim(), k -> new ArrayList<>());
                for (ContainerPlan c : all) {
                    if (c.mounts().stream().anyMatch(m -> m.volume().equals(v.name()))) {
                        users.add(plan.name() + "-" + c.name());
                    }
                }
            }
        }
        return claims;
    }
}
