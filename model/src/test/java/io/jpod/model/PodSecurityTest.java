package io.jpod.model;

import static io.jpod.model.Manifests.pod;
import static io.jpod.model.Manifests.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** Pod-level security and mounts as the API server and the kubelet check them. */
class PodSecurityTest {

    private static String podSpec(String specLines, String containerLines) {
        return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
        """
                + specLines.indent(2)
                + """
                  containers:
                  - name: c
                    image: busybox:1.36
                """
                + containerLines.indent(4);
    }

    @Test
    @DisplayName("namespaced sysctls are kept; a host-wide one is refused where it is written")
    void sysctls() {
        PodModel p =
                pod(
                        podSpec(
                                """
                                securityContext:
                                  sysctls:
                                  - {name: net.ipv4.ip_unprivileged_port_start, value: "80"}
                                  - {name: kernel.shmmax, value: "1000"}
                                  - {name: fs.mqueue.msg_max, value: "20"}
                                  - {name: kernel.sem, value: "1 2 3 4"}
                                """,
                                ""));
        assertEquals(
                Map.of(
                        "net.ipv4.ip_unprivileged_port_start", "80",
                        "kernel.shmmax", "1000",
                        "fs.mqueue.msg_max", "20",
                        "kernel.sem", "1 2 3 4"),
                p.securityContext().sysctls());
        List<String> problems =
                problems(
                        podSpec(
                                """
                                securityContext:
                                  sysctls:
                                  - {name: vm.swappiness, value: "1"}
                                """,
                                ""));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(
                problems.get(0)
                        .startsWith(
                                "test.yaml:8:14: spec.securityContext.sysctls[0].name: sysctl"
                                        + " \"vm.swappiness\" is not namespaced"),
                problems.get(0));
    }

    @Test
    @DisplayName("a pod on the host's network or IPC may not set that namespace's sysctls")
    void sysctlsOfHostNamespaces() {
        List<String> problems =
                problems(
                        podSpec(
                                """
                                hostNetwork: true
                                hostIPC: true
                                securityContext:
                                  sysctls:
                                  - {name: net.core.somaxconn, value: "1"}
                                  - {name: kernel.msgmax, value: "1"}
                                """,
                                ""));
        assertEquals(
                List.of(
                        "test.yaml:10:14: spec.securityContext.sysctls[0].name: sysctl"
                                + " \"net.core.somaxconn\" not allowed with hostNetwork enabled",
                        "test.yaml:11:14: spec.securityContext.sysctls[1].name: sysctl"
                                + " \"kernel.msgmax\" not allowed with hostIPC enabled"),
                problems);
    }

    @Test
    @DisplayName("subPath and subPathExpr together are refused at the subPathExpr")
    void subPathExprExclusive() {
        List<String> problems =
                problems(
                        podSpec(
                                """
                                volumes: [{name: v, emptyDir: {}}]
                                """,
                                """
                                volumeMounts:
                                - {name: v, mountPath: /v, subPath: a, subPathExpr: "$(X)"}
                                """));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(
                problems.get(0)
                        .contains(
                                "spec.containers[0].volumeMounts[0].subPathExpr: subPathExpr and"
                                        + " subPath are mutually exclusive"),
                problems.get(0));
    }

    private static ResolvedProcess resolve(String yaml) throws ManifestException {
        ManifestSet set = Manifests.load(yaml);
        PodModel pod = set.pods().get(0);
        return ContainerResolver.resolve(
                pod,
                pod.containers().get(0),
                new ImageDefaults(List.of("/bin/sh"), List.of(), List.of("IMG=x"), "", ""),
                new PodContext("10.0.2.100", "10.0.2.2", "host"),
                set);
    }

    @Test
    @DisplayName(
            "subPathExpr expands $(VAR) from the container's env; an undefined or empty one, or"
                    + " the image's, is the kubelet's 'missing value' error")
    void subPathExprExpansion() throws Exception {
        String yaml =
                podSpec(
                        "volumes: [{name: v, emptyDir: {}}]\n",
                        """
                        env:
                        - {name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
                        - {name: EMPTY, value: ""}
                        volumeMounts:
                        - {name: v, mountPath: /v, subPathExpr: "logs/$(POD)"}
                        - {name: v, mountPath: /w, subPathExpr: "$(EMPTY)$(IMG)"}
                        """);
        ManifestException e = assertThrows(ManifestException.class, () -> resolve(yaml));
        assertTrue(
                e.getMessage()
                        .contains(
                                "volumeMount /w: subPathExpr $(EMPTY)$(IMG): missing value for"
                                        + " EMPTY, IMG"),
                e.getMessage());
        ResolvedProcess ok =
                resolve(
                        yaml.replace(
                                "\n    - {name: v, mountPath: /w, subPathExpr: \"$(EMPTY)$(IMG)\"}",
                                ""));
        assertEquals("logs/p", ok.volumeMounts().get(0).subPath());
        assertEquals(null, ok.volumeMounts().get(0).subPathExpr());
    }

    @Test
    @DisplayName("procMount is Default or Unmasked; anything else is refused where it is written")
    void procMount() {
        PodModel p = pod(podSpec("", "securityContext: {procMount: Unmasked}\n"));
        assertTrue(p.containers().get(0).securityContext().unmaskedProc());
        List<String> problems = problems(podSpec("", "securityContext: {procMount: Open}\n"));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(
                problems.get(0)
                        .contains(
                                "spec.containers[0].securityContext.procMount: unsupported value"
                                        + " \"Open\""),
                problems.get(0));
    }

    @Test
    @DisplayName("envFrom keeps keys that are no C identifier, such as data-1, as Kubernetes does")
    void envFromKeys() throws Exception {
        String yaml =
                """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cfg}
                data: {data-1: one, data.two: two}
                ---
                """
                        + podSpec("", "envFrom: [{configMapRef: {name: cfg}}]\n");
        ResolvedProcess p = resolve(yaml);
        assertEquals("one", p.env().get("data-1"));
        assertEquals("two", p.env().get("data.two"));
    }
}
