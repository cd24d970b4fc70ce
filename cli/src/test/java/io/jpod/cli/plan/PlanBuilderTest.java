package io.jpod.cli.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.model.ManifestLoader;
import io.jpod.model.ManifestSet;
import io.jpod.model.ManifestWriter;
import io.jpod.model.OutputKind;
import io.jpod.model.PodModel;
import io.jpod.runtime.image.Image;
import io.jpod.runtime.image.ImageConfig;
import io.jpod.runtime.pod.ContainerPlan;
import io.jpod.runtime.pod.PodPlan;
import io.jpod.runtime.pod.VolumePlan;
import io.jpod.runtime.probe.ProbePlan;
import io.jpod.runtime.state.PortMapping;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

class PlanBuilderTest {

    /** An image with ENTRYPOINT ["/entry"], CMD ["default"], an env and a working directory. */
    private static final Image IMAGE =
            new Image(
                    "sha256:" + "ab".repeat(32),
                    List.of("localhost/app:1"),
                    List.of("sha256:" + "cd".repeat(32)),
                    new ImageConfig(
                            List.of("/entry"),
                            List.of("default"),
                            List.of("PATH=/usr/bin:/bin", "IMG=1"),
                            "/app",
                            "",
                            Map.of(),
                            List.of()),
                    Instant.parse("2024-05-01T10:00:00Z"),
                    1024);

    private PlanBuilder builder;

    private PodPlan plan(String yaml) throws Exception {
        ManifestSet set = ManifestLoader.parse("pod.yaml", yaml);
        builder = new PlanBuilder(ref -> IMAGE, PodPlan.NetworkMode.SLIRP4NETNS);
        return builder.build(set.pods().getFirst(), set);
    }

    private static String pod(String containerExtra) {
        return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
          - name: app
            image: localhost/app:1
        """
                + containerExtra.indent(4);
    }

    private List<String> argv(String extra) throws Exception {
        return plan(pod(extra)).containers().getFirst().argv();
    }

    @Test
    void userNamespaceAutoGivesEachPodItsOwnUnlessItSaysOrSharesTheHosts() throws Exception {
        PlanBuilder auto = new PlanBuilder(ref -> IMAGE, PodPlan.NetworkMode.SLIRP4NETNS, true);
        String plain = pod("");
        String saysHost = plain.replace("spec:\n", "spec:\n  hostUsers: true\n");
        String hostNetwork = plain.replace("spec:\n", "spec:\n  hostNetwork: true\n");
        for (Map.Entry<String, Boolean> c :
                Map.of(plain, true, saysHost, false, hostNetwork, false).entrySet()) {
            ManifestSet set = ManifestLoader.parse("pod.yaml", c.getKey());
            assertEquals(
                    c.getValue(),
                    auto.build(set.pods().getFirst(), set).security().ownUsers(),
                    c.getKey());
        }
        assertFalse(plan(plain).security().ownUsers(), "--userns=host, the default");
    }

    @Test
    void aDeploymentsPodKeepsItsManifestAsADeploymentSoThatGenerateGivesItsNameBack()
            throws Exception {
        PodPlan plan =
                plan(
                        """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: web
                        spec:
                          selector:
                            matchLabels: {app: web}
                          template:
                            metadata:
                              labels: {app: web}
                            spec:
                              containers:
                              - name: app
                                image: localhost/app:1
                        """);
        ManifestSet stored = ManifestLoader.parse("stored.yaml", plan.source());
        PodModel pod = stored.pods().getFirst();
        assertEquals(plan.name(), pod.name());
        assertEquals("web", pod.workloadName());
        assertTrue(
                ManifestWriter.write(pod, OutputKind.DEPLOYMENT, stored)
                        .contains("kind: Deployment\nmetadata:\n  name: web\n"),
                plan.source());
    }

    @Test
    void argvFollowsKubernetesRulesForEntrypointAndCmd() throws Exception {
        assertEquals(List.of("/entry", "default"), argv(""));
        // args replace CMD only
        assertEquals(List.of("/entry", "a", "b"), argv("args: [a, b]"));
        // command replaces ENTRYPOINT and drops CMD
        assertEquals(List.of("/bin/sh"), argv("command: [/bin/sh]"));
        assertEquals(
                List.of("/bin/sh", "-c", "echo"), argv("command: [/bin/sh]\nargs: [-c, echo]"));
    }

    @Test
    void envMergesImageAndManifest() throws Exception {
        ContainerPlan c =
                plan(pod(
                                """
                                env:
                                - name: GREETING
                                  value: hello
                                - name: IMG
                                  value: "2"
                                """))
                        .containers()
                        .getFirst();
        assertTrue(c.env().contains("PATH=/usr/bin:/bin"), c.env().toString());
        assertTrue(c.env().contains("GREETING=hello"), c.env().toString());
        assertTrue(c.env().contains("IMG=2"), "the manifest overrides the image: " + c.env());
        assertTrue(!c.env().contains("IMG=1"), c.env().toString());
        assertEquals("/app", c.workingDir());
    }

    @Test
    void probesArePlannedWithNamedPortsResolvedAndDefaultsApplied() throws Exception {
        ContainerPlan c =
                plan(pod(
                                """
                                ports:
                                - name: http
                                  containerPort: 8080
                                readinessProbe:
                                  httpGet:
                                    path: /ready
                                    port: http
                                    httpHeaders:
                                    - name: X-A
                                      value: b
                                livenessProbe:
                                  tcpSocket:
                                    port: 8080
                                  periodSeconds: 2
                                  terminationGracePeriodSeconds: 5
                                startupProbe:
                                  exec:
                                    command: [cat, /tmp/ok]
                                """))
                        .containers()
                        .getFirst();
        ProbePlan ready = c.probes().readiness();
        assertEquals(
                new ProbePlan.Action.HttpGet(
                        "HTTP", null, 8080, "/ready", List.of(new ProbePlan.Header("X-A", "b"))),
                ready.action());
        // Kubernetes' defaults: period 10, timeout 1, success 1, failure 3
        assertEquals(
                List.of(0, 10, 1, 1, 3),
                List.of(
                        ready.initialDelaySeconds(),
                        ready.periodSeconds(),
                        ready.timeoutSeconds(),
                        ready.successThreshold(),
                        ready.failureThreshold()));
        assertEquals(new ProbePlan.Action.TcpSocket(null, 8080), c.probes().liveness().action());
        assertEquals(2, c.probes().liveness().periodSeconds());
        assertEquals(5L, c.probes().liveness().terminationGracePeriodSeconds());
        assertEquals(
                new ProbePlan.Action.Exec(List.of("cat", "/tmp/ok")),
                c.probes().startup().action());
        assertTrue(
                builder.notices().stream().noneMatch(n -> n.contains("probe")),
                builder.notices().toString());
    }

    @Test
    void hostPortsBecomePortMappings() throws Exception {
        PodPlan p =
                plan(
                        pod(
                                """
                                ports:
                                - containerPort: 80
                                  hostPort: 18080
                                - containerPort: 53
                                  hostPort: 10053
                                  protocol: UDP
                                  hostIP: 127.0.0.1
                                - containerPort: 9090
                                """));
        assertEquals(
                List.of(
                        new PortMapping("TCP", null, 18080, 80),
                        new PortMapping("UDP", "127.0.0.1", 10053, 53)),
                p.ports().stream()
                        .map(
                                m ->
                                        new PortMapping(
                                                m.protocol(),
                                                m.hostIP() == null || m.hostIP().isEmpty()
                                                        ? null
                                                        : m.hostIP(),
                                                m.hostPort(),
                                                m.containerPort()))
                        .toList());
    }

    @Test
    void aHostPortWithoutContainerPortForwardsToTheSamePort() throws Exception {
        PodPlan p =
                plan(
                        pod(
                                """
                                ports:
                                - hostPort: 18081
                                """));
        assertEquals(1, p.ports().size());
        assertEquals(18081, p.ports().getFirst().hostPort());
        assertEquals(18081, p.ports().getFirst().containerPort());
    }

    @Test
    void volumesMapToRuntimeForms() throws Exception {
        PodPlan p =
                plan(
                        """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: cfg
                        data:
                          app.conf: "port=80"
                        ---
                        """
                                + pod(
                                        """
                                        volumeMounts:
                                        - name: cfg
                                          mountPath: /etc/app
                                        - name: data
                                          mountPath: /data
                                          subPath: sub
                                          readOnly: true
                                          mountPropagation: HostToContainer
                                        """)
                                + """
                                  volumes:
                                  - name: cfg
                                    configMap:
                                      name: cfg
                                  - name: data
                                    hostPath:
                                      path: /srv/data
                                      type: DirectoryOrCreate
                                  - name: plain
                                    hostPath:
                                      path: /srv/plain
                                  - name: file
                                    hostPath:
                                      path: /srv/file
                                      type: File
                                  - name: scratch
                                    emptyDir:
                                      medium: Memory
                                """);
        assertEquals(5, p.volumes().size());
        VolumePlan.Files files = (VolumePlan.Files) p.volumes().getFirst();
        assertEquals("cfg", files.name());
        assertEquals("app.conf", files.files().getFirst().path());
        assertEquals(
                "port=80", new String(files.files().getFirst().content(), StandardCharsets.UTF_8));
        assertEquals(
                new VolumePlan.HostPath("data", "/srv/data", VolumePlan.HostPath.Create.DIRECTORY),
                p.volumes().get(1));
        // no type: no check, and a missing path becomes a directory, as podman does
        assertEquals(
                new VolumePlan.HostPath(
                        "plain", "/srv/plain", VolumePlan.HostPath.Create.DIRECTORY),
                p.volumes().get(2));
        assertEquals(
                new VolumePlan.HostPath("file", "/srv/file", VolumePlan.HostPath.Create.NONE),
                p.volumes().get(3));
        assertEquals(new VolumePlan.EmptyDir("scratch", true), p.volumes().get(4));
        assertEquals(
                List.of(
                        new ContainerPlan.MountPlan(
                                "cfg", "/etc/app", null, false, ContainerPlan.Propagation.NONE),
                        new ContainerPlan.MountPlan(
                                "data",
                                "/data",
                                "sub",
                                true,
                                ContainerPlan.Propagation.HOST_TO_CONTAINER)),
                p.containers().getFirst().mounts().stream()
                        .map(
                                m ->
                                        new ContainerPlan.MountPlan(
                                                m.volume(),
                                                m.destination(),
                                                m.subPath() == null || m.subPath().isEmpty()
                                                        ? null
                                                        : m.subPath(),
                                                m.readOnly(),
                                                m.propagation()))
                        .toList());
    }

    @Test
    void hostNetworkAndInitContainersArePlanned() throws Exception {
        PodPlan p =
                plan(
                        """
                        apiVersion: v1
                        kind: Pod
                        metadata:
                          name: web
                        spec:
                          hostNetwork: true
                          initContainers:
                          - name: init
                            image: localhost/app:1
                          containers:
                          - name: app
                            image: localhost/app:1
                        """);
        assertEquals(List.of(), builder.notices());
        // hostNetwork: no namespace of the pod's own, so no network helper and no forwarding
        assertEquals(PodPlan.NetworkMode.HOST, p.network());
        assertEquals(List.of("app"), p.containers().stream().map(ContainerPlan::name).toList());
        // init containers are planned apart from the app containers: the runtime runs them first,
        // one by one
        assertEquals(
                List.of("init"), p.initContainers().stream().map(ContainerPlan::name).toList());
    }

    @Test
    void podLevelFields() throws Exception {
        PodPlan p =
                plan(
                        """
                        apiVersion: v1
                        kind: Pod
                        metadata:
                          name: web
                          labels:
                            app: web
                        spec:
                          hostname: front
                          terminationGracePeriodSeconds: 5
                          restartPolicy: Never
                          hostAliases:
                          - ip: 10.0.0.5
                            hostnames: [db]
                          dnsConfig:
                            nameservers: [1.1.1.1]
                            searches: [svc.local]
                          containers:
                          - name: app
                            image: localhost/app:1
                        """);
        assertEquals("front", p.hostname());
        assertEquals(Map.of("app", "web"), p.labels());
        assertEquals(5, p.gracePeriodSeconds());
        assertEquals("Never", p.restartPolicy());
        assertEquals(List.of(new PodPlan.HostEntry("10.0.0.5", List.of("db"))), p.hostAliases());
        assertEquals(List.of("1.1.1.1"), p.dnsServers());
        assertEquals(List.of("svc.local"), p.dnsSearches());
        assertEquals(PodPlan.NetworkMode.SLIRP4NETNS, p.network());
        assertEquals(List.of(), builder.notices());
    }

    @Test
    void everyDroppedResourceIsNamedInOneNotice() throws Exception {
        plan(
                pod(
                        """
                        resources:
                          limits: {cpu: 500m, memory: 64Mi}
                          requests: {cpu: 100m}
                        """));
        List<String> lines =
                builder.notices().stream().filter(n -> n.contains("resources")).toList();
        assertEquals(1, lines.size(), builder.notices().toString());
        String line = lines.getFirst();
        assertTrue(
                line.endsWith(
                        "web-app limits.cpu=500m, web-app limits.memory=64Mi,"
                                + " web-app requests.cpu=100m"),
                line);
        assertTrue(line.contains("cgroup"), "says why: " + line);
    }

    @Test
    void podSecurityConfinementAndSubPathExprReachThePlan() throws Exception {
        PodPlan p =
                plan(
                        """
                        apiVersion: v1
                        kind: Pod
                        metadata:
                          name: web
                        spec:
                          hostIPC: true
                          securityContext:
                            fsGroup: 2000
                            supplementalGroups: [3000]
                            sysctls: [{name: net.core.somaxconn, value: "1024"}]
                            seccompProfile: {type: RuntimeDefault}
                          containers:
                          - name: app
                            image: localhost/app:1
                            env: [{name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]
                            securityContext: {procMount: Unmasked}
                            volumeMounts: [{name: v, mountPath: /v, subPathExpr: "$(POD)/logs"}]
                          volumes: [{name: v, emptyDir: {}}]
                        """);
        assertEquals(
                new PodPlan.PodSecurity(
                        2000L, List.of(3000L), Map.of("net.core.somaxconn", "1024"), true, false),
                p.security());
        ContainerPlan c = p.containers().getFirst();
        assertEquals(new ContainerPlan.Confinement("RuntimeDefault", null, true), c.confinement());
        assertEquals("web/logs", c.mounts().getFirst().subPath());
        assertEquals(List.of(), builder.notices(), "hostIPC is no longer a notice");
    }

    @Test
    void hostUsersFalseGivesThePodAUserNamespaceOfItsOwn() throws Exception {
        PodPlan p =
                plan(
                        """
                        apiVersion: v1
                        kind: Pod
                        metadata:
                          name: web
                        spec:
                          hostUsers: false
                          containers:
                          - name: app
                            image: localhost/app:1
                        """);
        assertTrue(p.security().ownUsers());
        assertEquals(List.of(), builder.notices(), "hostUsers: false is honoured, not noticed");
    }

    @Test
    void lifecycleHooksStopSignalAndTerminationMessageArePlanned() throws Exception {
        ContainerPlan c =
                plan(pod(
                                """
                                terminationMessagePath: /tmp/why
                                terminationMessagePolicy: FallbackToLogsOnError
                                lifecycle:
                                  stopSignal: SIGQUIT
                                  postStart:
                                    exec: {command: [touch, /ready]}
                                  preStop:
                                    sleep: {seconds: 3}
                                """))
                        .containers()
                        .getFirst();
        assertEquals(List.of("touch", "/ready"), c.life().postStart().exec());
        assertEquals(3, c.life().preStop().sleepSeconds());
        assertEquals("QUIT", c.life().stopSignal());
        assertEquals("/tmp/why", c.life().terminationMessagePath());
        assertTrue(c.life().fallbackToLogsOnError());
        ContainerPlan plain = plan(pod("")).containers().getFirst();
        assertEquals("TERM", plain.life().stopSignal(), "no STOPSIGNAL in the image");
        assertEquals("/dev/termination-log", plain.life().terminationMessagePath());
        assertEquals(null, plain.life().postStart());
    }

    @Test
    void httpGetHooksArePlannedWithTheirPortByNumber() throws Exception {
        ContainerPlan c =
                plan(pod(
                                """
                                ports: [{name: web, containerPort: 8080}]
                                lifecycle:
                                  postStart:
                                    httpGet:
                                      path: /started
                                      port: web
                                      httpHeaders: [{name: X-Hook, value: post-start}]
                                  preStop:
                                    httpGet: {path: /quit, port: 9090, host: 127.0.0.1}
                                """))
                        .containers()
                        .getFirst();
        assertEquals(
                new ProbePlan.Action.HttpGet(
                        "HTTP",
                        null,
                        8080,
                        "/started",
                        List.of(new ProbePlan.Header("X-Hook", "post-start"))),
                c.life().postStart().httpGet());
        assertEquals(
                new ProbePlan.Action.HttpGet("HTTP", "127.0.0.1", 9090, "/quit", List.of()),
                c.life().preStop().httpGet());
        assertFalse(c.life().preStop().hasCommand());
    }

    @Test
    void signalNamesLoseTheirPrefix() {
        assertEquals("QUIT", PlanBuilder.signalName("SIGQUIT"));
        assertEquals("USR1", PlanBuilder.signalName("usr1"));
        assertEquals("3", PlanBuilder.signalName("3"));
        assertEquals("TERM", PlanBuilder.signalName(""));
    }
}
