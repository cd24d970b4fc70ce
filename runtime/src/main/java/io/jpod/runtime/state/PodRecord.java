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
        List<ContainerRecord> initContainers) {

    public PodRecord {
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
                initContainers);
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
                initContainers);
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
                initContainers);
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
                initContainers);
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
                initContainers);
    }

    /** Records an init container that ran to completion. */
    public PodRecord withInitContainer(ContainerRecord record) {
        List<ContainerRecord> next = new ArrayList<>(initContainers);
        next.removeIf(c -> c.id().equals(record.id()));
        next.add(record);
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
                next);
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
