package io.jpod.model;

import static io.jpod.model.Manifests.load;
import static io.jpod.model.Manifests.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

class WorkloadTest {
    private static String deployment(String replicas) {
        return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          %s
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}, annotations: {a: b}}
            spec:
              containers: [{name: c, image: nginx}]
        """
                .formatted(replicas);
    }

    @Test
    @DisplayName(
            "a Deployment with one replica gives <name>-pod from its template, in the Deployment's"
                    + " namespace")
    void oneReplica() {
        PodModel p = load(deployment("replicas: 1")).pods().get(0);
        assertEquals("web-pod", p.name());
        assertEquals("web", p.workloadName());
        assertEquals("shop", p.namespace());
        assertEquals(SourceKind.DEPLOYMENT, p.sourceKind());
        assertEquals(java.util.Map.of("app", "web"), p.labels());
        assertEquals("web-pod", p.hostname());
    }

    @Test
    @DisplayName("replicas defaults to 1; N replicas give <name>-pod-0..N-1")
    void replicas() {
        assertEquals(
                List.of("web-pod"),
                load(deployment("")).pods().stream().map(PodModel::name).toList());
        assertEquals(
                List.of("web-pod-0", "web-pod-1", "web-pod-2"),
                load(deployment("replicas: 3")).pods().stream().map(PodModel::name).toList());
        assertEquals(List.of(), load(deployment("replicas: 0")).pods());
    }

    @Test
    @DisplayName("a Deployment's pods must restart Always; a Job's must say OnFailure or Never")
    void restartPolicies() {
        assertEquals(
                List.of(
                        "test.yaml:10:22: spec.template.spec.restartPolicy: unsupported value"
                                + " \"Never\": supported values: \"Always\""),
                problems(
                        deployment("")
                                .replace(
                                        "spec:\n      containers",
                                        "spec:\n      restartPolicy: Never\n      containers")));
        PodModel job =
                load("""
                apiVersion: batch/v1
                kind: Job
                metadata: {name: once}
                spec:
                  completions: 3
                  template:
                    spec:
                      restartPolicy: Never
                      containers: [{name: c, image: busybox}]
                """)
                        .pods()
                        .get(0);
        assertEquals(RestartPolicy.NEVER, job.restartPolicy());
        assertEquals(SourceKind.JOB, job.sourceKind());
    }

    @Test
    @DisplayName("a Job's name is its pods' job-name label, so it is 63 characters at most")
    void jobNameFitsItsLabel() {
        String job =
                """
                apiVersion: batch/v1
                kind: Job
                metadata: {name: %s}
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers: [{name: c, image: busybox}]
                """;
        String longest = "j".repeat(63);
        assertEquals(longest, load(job.formatted(longest)).pods().get(0).labels().get("job-name"));
        assertEquals(
                List.of(
                        "test.yaml:3:18: metadata.name: must be no more than 63 characters: a"
                                + " Job's name is its pods' job-name label"),
                problems(job.formatted(longest + "j")));
    }

    @Test
    @DisplayName("a DaemonSet gives one pod; hostNetwork defaults hostPort to containerPort")
    void daemonSet() {
        PodModel p =
                load("""
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent}
                spec:
                  selector: {matchLabels: {app: agent}}
                  template:
                    metadata: {labels: {app: agent}}
                    spec:
                      hostNetwork: true
                      containers: [{name: c, image: busybox, ports: [{containerPort: 9100}]}]
                """)
                        .pods()
                        .get(0);
        assertEquals("agent-pod", p.name());
        assertEquals(9100, p.containers().get(0).ports().get(0).hostPort());
    }

    @Test
    @DisplayName(
            "writing a plain Pod as a Deployment selects it by its labels, adding app=<name> if it"
                    + " has none")
    void writeAsDeployment() throws Exception {
        ManifestSet set = load(Manifests.podWith(""));
        String yaml = ManifestWriter.write(set.pods().get(0), OutputKind.DEPLOYMENT, set);
        PodModel back = ManifestLoader.parse("w.yaml", yaml).pods().get(0);
        assertEquals("p-pod", back.name());
        assertEquals(java.util.Map.of("app", "p"), back.labels());
    }
}
