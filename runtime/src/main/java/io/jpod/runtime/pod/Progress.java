package io.jpod.runtime.pod;

import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.NetworkRecord;
import io.jpod.runtime.state.PodRecord;
import io.jpod.runtime.state.StateStore;

import java.io.IOException;
import java.util.List;

/**
 * The record of a pod being made or started, saved after every change, so that a failure or a kill
 * half-way leaves a record of exactly what exists. Its caller holds the pod's lock; the network's
 * helper may be recorded from a thread of its own while the containers are made.
 */
final class Progress {

    private final StateStore state;
    private PodRecord pod;

    Progress(StateStore state, PodRecord pod) {
        this.state = state;
        this.pod = pod;
    }

    synchronized ContainerRecord add(ContainerRecord c) throws IOException {
        pod = pod.withContainer(c);
        save();
        return c;
    }

    /** Puts the containers back in manifest order, which parallel creation does not keep. */
    synchronized void order(List<ContainerRecord> inOrder) throws IOException {
        pod = pod.withContainers(inOrder);
        save();
    }

    synchronized ContainerRecord addInit(ContainerRecord c) throws IOException {
        pod = pod.withInitContainer(c);
        save();
        return c;
    }

    synchronized void infra(ContainerRecord infra) throws IOException {
        pod = pod.withInfra(infra);
        save();
    }

    synchronized void network(NetworkRecord network) throws IOException {
        pod = pod.withNetwork(network);
        save();
    }

    private synchronized void save() throws IOException {
        state.save(pod);
    }

    synchronized PodRecord pod() {
        return pod;
    }
}
