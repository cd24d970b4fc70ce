package io.jpod.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Job pod per completion index, as the Job controller makes them in Indexed mode: the index in
 * the environment of every container ({@code JOB_COMPLETION_INDEX}) and in the pod's labels.
 */
final class JobPods {

    private JobPods() {}

    static PodModel indexed(PodModel pod, String job, int index) {
        EnvVarModel env = EnvVarModel.literal(JobModel.INDEX_ENV, Integer.toString(index));
        Map<String, String> labels = new LinkedHashMap<>(pod.labels());
        labels.put(JobModel.NAME_LABEL, job);
        labels.put(JobModel.INDEX_LABEL, Integer.toString(index));
        return new PodModel(
                pod.sourceKind(),
                pod.workloadName(),
                pod.name(),
                pod.namespace(),
                pod.uid(),
                labels,
                pod.annotations(),
                pod.hostname(),
                pod.subdomain(),
                pod.setHostnameAsFQDN(),
                pod.restartPolicy(),
                pod.terminationGracePeriodSeconds(),
                pod.hostNetwork(),
                pod.hostPID(),
                pod.hostIPC(),
                pod.shareProcessNamespace(),
                pod.hostUsers(),
                pod.serviceAccountName(),
                pod.nodeName(),
                pod.securityContext(),
                withEnv(pod.initContainers(), env),
                withEnv(pod.containers(), env),
                pod.volumes(),
                pod.hostAliases(),
                pod.dnsPolicy(),
                pod.dnsConfig());
    }

    private static List<ContainerModel> withEnv(List<ContainerModel> containers, EnvVarModel e) {
        List<ContainerModel> out = new ArrayList<>();
        for (ContainerModel c : containers) {
            List<EnvVarModel> env = new ArrayList<>(c.env());
            // a value the manifest sets itself (or a Job written back by jpod) is kept
            if (env.stream().noneMatch(v -> e.name().equals(v.name()))) {
                env.addFirst(e);
            }
            out.add(
                    new ContainerModel(
                            c.name(),
                            c.image(),
                            c.imagePullPolicy(),
                            c.command(),
                            c.args(),
                            c.workingDir(),
                            c.ports(),
                            List.copyOf(env),
                            c.envFrom(),
                            c.volumeMounts(),
                            c.securityContext(),
                            c.resources(),
                            c.livenessProbe(),
                            c.readinessProbe(),
                            c.startupProbe(),
                            c.lifecycle(),
                            c.restartPolicy(),
                            c.tty(),
                            c.stdin(),
                            c.stdinOnce(),
                            c.terminationMessagePath(),
                            c.fallbackToLogsOnError()));
        }
        return List.copyOf(out);
    }
}
