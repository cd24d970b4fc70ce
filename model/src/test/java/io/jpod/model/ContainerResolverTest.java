package io.jpod.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class ContainerResolverTest {
    private static final ImageDefaults IMAGE =
            new ImageDefaults(
                    List.of("/entry"),
                    List.of("serve", "--port=80"),
                    List.of("PATH=/image/bin", "LANG=C"),
                    "/app",
                    "1000");
    private static final PodContext CTX = new PodContext("10.88.0.5", "192.0.2.7", "host1");

    private static ResolvedProcess resolve(String containerLines) throws ManifestException {
        return resolve(Manifests.podWith(containerLines), IMAGE);
    }

    private static ResolvedProcess resolve(String yaml, ImageDefaults image)
            throws ManifestException {
        ManifestSet set = Manifests.load(yaml);
        PodModel pod = set.pods().get(0);
        return ContainerResolver.resolve(pod, pod.containers().get(0), image, CTX, set);
    }

    @Test
    @DisplayName("no command or args: the image's Entrypoint and Cmd run")
    void imageDefaults() throws Exception {
        assertEquals(List.of("/entry", "serve", "--port=80"), resolve("").argv());
    }

    @Test
    @DisplayName("command replaces the Entrypoint and drops the image Cmd")
    void commandDropsCmd() throws Exception {
        assertEquals(List.of("sh", "-c", "true"), resolve("command: [sh, -c, 'true']").argv());
    }

    @Test
    @DisplayName("args alone replace the Cmd and keep the Entrypoint")
    void argsKeepEntrypoint() throws Exception {
        assertEquals(List.of("/entry", "debug"), resolve("args: [debug]").argv());
    }

    @Test
    @DisplayName("command and args together replace both")
    void commandAndArgs() throws Exception {
        assertEquals(List.of("echo", "hi"), resolve("command: [echo]\nargs: [hi]").argv());
    }

    @Test
    @DisplayName("an empty command counts as unset, as in containerd")
    void emptyCommand() throws Exception {
        assertEquals(List.of("/entry", "serve", "--port=80"), resolve("command: []").argv());
    }

    @Test
    @DisplayName("nothing to run is an error")
    void nothingToRun() {
        ImageDefaults bare = new ImageDefaults(null, null, null, null, null);
        ManifestException e =
                assertThrows(ManifestException.class, () -> resolve(Manifests.podWith(""), bare));
        assertEquals(
                "container \"c\": no command specified: the container sets none and the image has"
                        + " no Entrypoint or Cmd",
                e.getMessage());
    }

    @Test
    @DisplayName("env precedence: image < envFrom < env; later envFrom sources win")
    void envPrecedence() throws Exception {
        ResolvedProcess p =
                resolve(
                        Manifests.podWith(
                                        """
                                        envFrom:
                                        - configMapRef: {name: one}
                                        - configMapRef: {name: two}
                                          prefix: X_
                                        - configMapRef: {name: two}
                                        env:
                                        - name: LANG
                                          value: en_US.UTF-8
                                        - name: B
                                          value: from-env
                                        """)
                                + """
                                ---
                                apiVersion: v1
                                kind: ConfigMap
                                metadata: {name: one}
                                data: {A: one, B: one, LANG: one}
                                ---
                                apiVersion: v1
                                kind: ConfigMap
                                metadata: {name: two}
                                data: {A: two}
                                """,
                        IMAGE);
        assertEquals("two", p.env().get("A"));
        assertEquals("two", p.env().get("X_A"));
        assertEquals("from-env", p.env().get("B"));
        assertEquals("en_US.UTF-8", p.env().get("LANG"));
        assertEquals("/image/bin", p.env().get("PATH"));
        assertEquals("p", p.env().get("HOSTNAME"));
    }

    @Test
    @DisplayName("$(VAR) expands earlier env and envFrom entries, not the image env; $$ escapes")
    void expansion() throws Exception {
        ResolvedProcess p =
                resolve(
                        """
                        command: [echo, "$(GREETING) $(NAME)", "$$(NAME)", "$(LANG)", "$(LATER)"]
                        env:
                        - name: NAME
                          value: world
                        - name: GREETING
                          value: hello-$(NAME)
                        - name: LATER
                          value: x
                        - name: EARLY
                          value: $(LATER)
                        """);
        assertEquals(List.of("echo", "hello-world world", "$(NAME)", "$(LANG)", "x"), p.argv());
        assertEquals("x", p.env().get("EARLY"));
    }

    @Test
    @DisplayName("fieldRef exposes pod metadata, labels, annotations, node and pod IP")
    void fieldRefs() throws Exception {
        ResolvedProcess p =
                resolve(
                        """
                        apiVersion: v1
                        kind: Pod
                        metadata:
                          name: p
                          namespace: team
                          labels: {app: web}
                          annotations: {owner: me}
                        spec:
                          serviceAccountName: robot
                          containers:
                          - name: c
                            image: busybox
                            env:
                            - {name: NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
                            - {name: NS, valueFrom: {fieldRef: {fieldPath: metadata.namespace}}}
                            - {name: UID, valueFrom: {fieldRef: {fieldPath: metadata.uid}}}
                            - {name: APP, valueFrom: {fieldRef: {fieldPath: "metadata.labels['app']"}}}
                            - {name: OWNER, valueFrom: {fieldRef: {fieldPath: "metadata.annotations['owner']"}}}
                            - {name: IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
                            - {name: HOST_IP, valueFrom: {fieldRef: {fieldPath: status.hostIP}}}
                            - {name: NODE, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}
                            - {name: SA, valueFrom: {fieldRef: {fieldPath: spec.serviceAccountName}}}
                        """,
                        IMAGE);
        assertEquals("p", p.env().get("NAME"));
        assertEquals("team", p.env().get("NS"));
        assertEquals(PodModel.uidFor("team", "p"), p.env().get("UID"));
        assertEquals("web", p.env().get("APP"));
        assertEquals("me", p.env().get("OWNER"));
        assertEquals("10.88.0.5", p.env().get("IP"));
        assertEquals("192.0.2.7", p.env().get("HOST_IP"));
        assertEquals("host1", p.env().get("NODE"));
        assertEquals("robot", p.env().get("SA"));
    }

    @Test
    @DisplayName(
            "resourceFieldRef divides by the divisor and rounds up; requests default to limits")
    void resourceFieldRef() throws Exception {
        ResolvedProcess p =
                resolve(
                        """
                        resources:
                          limits: {cpu: 1500m, memory: 129Mi}
                        env:
                        - {name: CPU, valueFrom: {resourceFieldRef: {resource: limits.cpu}}}
                        - {name: MCPU, valueFrom: {resourceFieldRef: {resource: requests.cpu, divisor: 1m}}}
                        - {name: MEM, valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}}
                        - {name: MEMB, valueFrom: {resourceFieldRef: {resource: requests.memory}}}
                        """);
        assertEquals("2", p.env().get("CPU"));
        assertEquals("1500", p.env().get("MCPU"));
        assertEquals("129", p.env().get("MEM"));
        assertEquals(Long.toString(129L << 20), p.env().get("MEMB"));
    }

    @Test
    @DisplayName(
            "configMapKeyRef and secretKeyRef read values; a missing optional key leaves the"
                    + " variable unset")
    void keyRefs() throws Exception {
        ResolvedProcess p =
                resolve(
                        Manifests.podWith(
                                        """
                                        env:
                                        - {name: MODE, valueFrom: {configMapKeyRef: {name: cfg, key: mode}}}
                                        - {name: PASS, valueFrom: {secretKeyRef: {name: creds, key: password}}}
                                        - {name: GONE, valueFrom: {configMapKeyRef: {name: cfg, key: nope, optional: true}}}
                                        - {name: NOCM, valueFrom: {secretKeyRef: {name: other, key: k, optional: true}}}
                                        """)
                                + """
                                ---
                                apiVersion: v1
                                kind: ConfigMap
                                metadata: {name: cfg}
                                data: {mode: fast}
                                ---
                                apiVersion: v1
                                kind: Secret
                                metadata: {name: creds}
                                data: {password: czNjcmV0}
                                """,
                        IMAGE);
        assertEquals("fast", p.env().get("MODE"));
        assertEquals("s3cret", p.env().get("PASS"));
        assertFalse(p.env().containsKey("GONE"));
        assertFalse(p.env().containsKey("NOCM"));
    }

    @Test
    @DisplayName(
            "the variables that end up holding a Secret's data are named, so that inspect can"
                    + " mask them: secretKeyRef, envFrom a Secret, and $(VAR) of one; a later plain"
                    + " value clears it")
    void secretEnvIsNamed() throws Exception {
        ResolvedProcess p =
                resolve(
                        Manifests.podWith(
                                        """
                                        envFrom:
                                        - secretRef: {name: creds}
                                          prefix: DB_
                                        env:
                                        - {name: PASS, valueFrom: {secretKeyRef: {name: creds, key: password}}}
                                        - {name: URL, value: "postgres://app:$(PASS)@db"}
                                        - {name: DB_user, value: plain}
                                        - {name: MODE, valueFrom: {configMapKeyRef: {name: cfg, key: mode}}}
                                        """)
                                + """
                                ---
                                apiVersion: v1
                                kind: ConfigMap
                                metadata: {name: cfg}
                                data: {mode: fast}
                                ---
                                apiVersion: v1
                                kind: Secret
                                metadata: {name: creds}
                                data: {password: czNjcmV0, token: dG9r, user: YXBw}
                                """,
                        IMAGE);
        assertEquals(java.util.Set.of("DB_password", "DB_token", "PASS", "URL"), p.secretEnv());
        assertEquals("postgres://app:s3cret@db", p.env().get("URL"));
    }

    @Test
    @DisplayName(
            "runAsUser and runAsGroup override the image USER; workingDir overrides the image's")
    void userAndWorkingDir() throws Exception {
        assertEquals("1000", resolve("").user());
        assertEquals("/app", resolve("").workingDir());
        ResolvedProcess p =
                resolve("securityContext: {runAsUser: 5, runAsGroup: 6}\nworkingDir: /w");
        assertEquals("5:6", p.user());
        assertEquals("/w", p.workingDir());
        assertEquals(
                "1000:7",
                ContainerResolver.user(
                        SecurityModel.EMPTY.mergedWith(
                                new PodSecurityModel(
                                        null, 7L, null, null, List.of(), Map.of(), null)),
                        "1000:3"));
    }

    @Test
    @DisplayName("the kubelet refuses runAsNonRoot when the image user is root or not numeric")
    void runAsNonRoot() {
        ImageDefaults root = new ImageDefaults(List.of("sh"), null, null, null, "");
        assertThrows(
                ManifestException.class,
                () -> resolve(Manifests.podWith("securityContext: {runAsNonRoot: true}"), root));
        ImageDefaults named = new ImageDefaults(List.of("sh"), null, null, null, "nginx");
        ManifestException e =
                assertThrows(
                        ManifestException.class,
                        () ->
                                resolve(
                                        Manifests.podWith("securityContext: {runAsNonRoot: true}"),
                                        named));
        assertEquals(
                "container \"c\": container has runAsNonRoot and image has non-numeric user"
                        + " (nginx), cannot verify user is non-root",
                e.getMessage());
    }
}
