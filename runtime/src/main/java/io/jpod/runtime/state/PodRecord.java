package io.jpod.runtime.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One pod as the state store keeps it. {@code ownerPid} is the jpod process that last changed it.
 */
public record PodRecord(
        String id,
        String name,
        String hostname,
        PodPhase phase,
        long ownerPid,
        Instant created,
        Map<String, String> labels,
        long gracePeriodSeconds,
        String restartPolicy,
        NetworkRecord network,
        ContainerRecord infra,
        List<ContainerRecord> containers,
        List<ContainerRecord> initContainers,
        Holds holds,
        Applied applied) {

    /**
     * What the pod keeps from removal while it exists, written when its name is reserved and so
     * before any of its containers: the ids of the images of all its containers (init included) and
     * the named volumes it claims, each with the containers that mount it.
     */
    public record Holds(List<String> imageIds, Map<String, List<String>> volumes) {
        public static final Holds NONE = new Holds(List.of(), Map.of());

        public Holds {
            imageIds = imageIds == null ? List.of() : List.copyOf(imageIds);
            volumes = volumes == null ? Map.of() : Map.copyOf(volumes);
        }
    }

    /**
     * Where a play took the pod from and digests of what it planned, so that a later play of the
     * same source can tell an unchanged pod from a changed one. Null for pods played before jpod
     * kept it, or from stdin.
     *
     * @param source the absolute file, directory or URL the pod was played from; null for stdin
     * @param specDigest the plan without the contents of its ConfigMap, Secret and downward API
     *     files
     * @param filesDigest those contents alone, which a play may update in place
     */
    public record Applied(String source, String specDigest, String filesDigest) {}

    /** A pod with nothing {@link #applied} recorded. */
    public PodRecord(
            String id,
            String name,
            String hostname,
            PodPhase phase,
            long ownerPid,
            Instant created,
            Map<String, String> labels,
            long gracePeriodSeconds,
            String restartPolicy,
            NetworkRecord network,
            ContainerRecord infra,
            List<ContainerRecord> containers,
            List<ContainerRecord> initContainers,
            Holds holds) {
        this(
                id,
                name,
                hostname,
                phase,
                ownerPid,
                created,
                labels,
                gracePeriodSeconds,
                restartPolicy,
                network,
                infra,
                containers,
                initContainers,
                holds,
                null);
    }

    public PodRecord withApplied(Applied next) {
        return new PodRecord(
                id,
                name,
                hostname,
                phase,
                ownerPid,
                created,
                labels,
                gracePeriodSeconds,
                restartPolicy,
                network,
                infra,
                containers,
                initContainers,
                holds,
                next);
    }

    public PodRecord {
        holds = holds == null ? Holds.NONE : holds;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        containers = containers == null ? List.of() : List.copyOf(containers);
        initContainers = initContainers == null ? List.of() : List.copyOf(initContainers);
    }

    public String shortId() {
        return id.substring(0, 12);
    }

    public PodRecord withPhase(PodPhase next) {
        return new PodRecord(
                id,
                name,
                hostname,
                next,
                ProcessHandle.current().pid(),
                created,
                labels,
                gracePeriodSeconds,
                restartPolicy,
                network,
                infra,
                containers,
                initContainers,
                holds,
                applied);
    }

    public PodRecord withNetwork(NetworkRecord net) {
        return new PodRecord(
                id,
                name,
                hostname,
                phase,
                ownerPid,
                created,
                labels,
                gracePeriodSeconds,
                restartPolicy,
                net,
                infra,
                containers,
                initContainers,
                holds,
                applied);
    }

    public PodRecord withInfra(ContainerRecord record) {
        return new PodRecord(
                id,
                name,
                hostname,
                phase,
                ownerPid,
                created,
                labels,
                gracePeriodSeconds,
                restartPolicy,
                network,
                record,
                containers,
                initContainers,
                holds,
                applied);
    }

    public PodRecord withContainers(List<ContainerRecord> all) {
        return new PodRecord(
                id,
                name,
                hostname,
                phase,
                ownerPid,
                created,
                labels,
                gracePeriodSeconds,
                restartPolicy,
                network,
                infra,
                all,
                initContainers,
                holds,
                applied);
    }

    /** Adds the container, or replaces the one with the same id in its place. */
    public PodRecord withContainer(ContainerRecord record) {
        List<ContainerRecord> next = new ArrayList<>(containers);
        int at = next.stream().map(ContainerRecord::id).toList().indexOf(record.id());
        if (at >= 0) {
            next.set(at, record);
        } else {
            next.add(record);
        }
        return new PodRecord(
                id,
                name,
                hostname,
                phase,
                ownerPid,
                created,
                labels,
                gracePeriodSeconds,
                restartPolicy,
                network,
                infra,
                next,
                initContainers,
                holds,
                applied);
    }

    /** Adds an init container, or replaces the one with the same id in its place. */
    public PodRecord withInitContainer(ContainerRecord record) {
        List<ContainerRecord> next = new ArrayList<>(initContainers);
        int at = next.stream().map(ContainerRecord::id).toList().indexOf(record.id());
        if (at >= 0) {
            next.set(at, record);
        } else {
            next.add(record);
        }
        return new PodRecord(
                id,
                name,
                hostname,
                phase,
                ownerPid,
                created,
                labels,
                gracePeriodSeconds,
                restartPolicy,
                network,
                infra,
                containers,
                next,
                holds,
                applied);
    }

    /** Whether the pod uses the image: held for it, or run by any container, init included. */
    public boolean usesImage(String imageId) {
        return holds.imageIds().contains(imageId)
                || allContainers().stream().anyMatch(c -> imageId.equals(c.imageId()));
    }

    /** The native sidecars: init containers that restart always (restartPolicy: Always). */
    public List<ContainerRecord> sidecars() {
        if (initContainers.isEmpty()) {
            return List.of(); // ps asks every pod
        }
        return initContainers.stream()
                .filter(
                        c ->
                                c.spec() != null
                                        && c.spec().container() != null
                                        && c.spec().container().life().sidecar())
                .toList();
    }

    /**
     * Infra first, then init containers, then the app containers in the order they were created.
     */
    public List<ContainerRecord> allContainers() {
        List<ContainerRecord> all = new ArrayList<>();
        if (infra != null) {
            all.add(infra);
        }
        all.addAll(initContainers);
        all.addAll(containers);
        return all;
    }
}
