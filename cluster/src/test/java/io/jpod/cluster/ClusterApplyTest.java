package io.jpod.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * kube apply against fabric8's mock API server in CRUD mode, through a kubeconfig as a user has
 * one: every object goes out as a server-side apply and is read back through the client.
 */
class ClusterApplyTest {
    @TempDir Path dir;

    private ApplyingCrudDispatcher dispatcher;
    private KubernetesMockServer server;
    private KubernetesClient reader;
    private Path kubeconfig;

    @BeforeEach
    void start() throws Exception {
        dispatcher = new ApplyingCrudDispatcher();
        server =
                new KubernetesMockServer(
                        new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init();
        reader = server.createClient(new JdkHttpClientFactory());
        kubeconfig = kubeconfig("http://" + server.getHostName() + ":" + server.getPort());
    }

    @AfterEach
    void stop() {
        reader.close();
        server.destroy();
    }

    private Path kubeconfig(String url) throws Exception {
        Path f = dir.resolve("kubeconfig-" + url.hashCode());
        Files.writeString(
                f,
                """
                apiVersion: v1
                kind: Config
                clusters:
                - name: mock
                  cluster: {server: "%s"}
                users:
                - name: tester
                  user: {token: t0ken}
                contexts:
                - name: mock
                  context: {cluster: mock, user: tester, namespace: default}
                - name: other
                  context: {cluster: mock, user: tester, namespace: team}
                current-context: mock
                """
                        .formatted(url));
        return f;
    }

    private Path manifest(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static String pod(String image) {
        return """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, labels: {app: web}}
        spec:
          containers: [{name: server, image: "%s"}]
        """
                .formatted(image);
    }

    private List<String> apply(ApplyRequest request) throws ApplyException {
        List<String> lines = new ArrayList<>();
        ClusterApply.apply(request, Map.of(), InputStream.nullInputStream(), lines::add);
        return lines;
    }

    private ApplyRequest request(Path file, String... flags) {
        List<String> f = List.of(flags);
        return new ApplyRequest(
                List.of(file.toString()),
                kubeconfig,
                null,
                null,
                f.contains("dry-run"),
                f.contains("force"));
    }

    private Pod readPod() {
        return reader.pods().inNamespace("default").withName("web").get();
    }

    @Test
    @DisplayName("create, update of a changed field, then a no-op: each read back")
    void createUpdateNoop() throws Exception {
        Path file = manifest("pod.yaml", pod("nginx:1.27"));
        assertEquals(List.of("pod/web serverside-applied"), apply(request(file)));
        Pod created = readPod();
        assertEquals("nginx:1.27", created.getSpec().getContainers().getFirst().getImage());
        assertEquals(Map.of("app", "web"), created.getMetadata().getLabels());

        Files.writeString(file, pod("nginx:1.28"));
        assertEquals(List.of("pod/web serverside-applied"), apply(request(file)));
        Pod updated = readPod();
        assertEquals("nginx:1.28", updated.getSpec().getContainers().getFirst().getImage());
        assertEquals(created.getMetadata().getUid(), updated.getMetadata().getUid());
        assertNotEquals(
                created.getMetadata().getResourceVersion(),
                updated.getMetadata().getResourceVersion());

        assertEquals(List.of("pod/web serverside-applied"), apply(request(file)));
        assertEquals(updated.getSpec(), readPod().getSpec());
        assertEquals(1, reader.pods().inNamespace("default").list().getItems().size());

        assertEquals(3, dispatcher.applies.size());
        for (ApplyingCrudDispatcher.Sent s : dispatcher.applies) {
            assertEquals("/api/v1/namespaces/default/pods/web?fieldManager=jpod", s.path());
            assertTrue(s.contentType().startsWith(ApplyingCrudDispatcher.APPLY), s.contentType());
            assertTrue(s.body().contains("\"nginx:1."), s.body());
        }
    }

    @Test
    @DisplayName(
            "a ConfigMap and a Deployment from one file, in order, named as kubectl names them")
    void deploymentAndConfigMap() throws Exception {
        Path file =
                manifest(
                        "app.yaml",
                        """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: settings}
                        data: {GREETING: hello}
                        ---
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: web}
                        spec:
                          replicas: 2
                          selector: {matchLabels: {app: web}}
                          template:
                            metadata: {labels: {app: web}}
                            spec:
                              containers: [{name: server, image: nginx}]
                        """);
        assertEquals(
                List.of(
                        "configmap/settings serverside-applied",
                        "deployment.apps/web serverside-applied"),
                apply(request(file)));
        assertEquals(
                "hello",
                reader.configMaps()
                        .inNamespace("default")
                        .withName("settings")
                        .get()
                        .getData()
                        .get("GREETING"));
        assertEquals(
                2,
                reader.apps()
                        .deployments()
                        .inNamespace("default")
                        .withName("web")
                        .get()
                        .getSpec()
                        .getReplicas());
        assertEquals(
                "/apis/apps/v1/namespaces/default/deployments/web?fieldManager=jpod",
                dispatcher.applies.get(1).path());

        Files.writeString(file, Files.readString(file).replace("replicas: 2", "replicas: 3"));
        apply(request(file));
        assertEquals(
                3,
                reader.apps()
                        .deployments()
                        .inNamespace("default")
                        .withName("web")
                        .get()
                        .getSpec()
                        .getReplicas());
    }

    @Test
    @DisplayName("--dry-run=server sends dryRun=All, says so, and the server keeps nothing")
    void dryRun() throws Exception {
        Path file = manifest("pod.yaml", pod("nginx"));
        assertEquals(
                List.of("pod/web serverside-applied (server dry run)"),
                apply(request(file, "dry-run")));
        assertTrue(
                dispatcher.applies.getFirst().path().contains("dryRun=All"),
                dispatcher.applies.getFirst().path());
        assertNull(readPod());
    }

    @Test
    @DisplayName("--force-conflicts sends force=true; without it the server is not asked to force")
    void forceConflicts() throws Exception {
        Path file = manifest("pod.yaml", pod("nginx"));
        apply(request(file, "force"));
        assertTrue(dispatcher.applies.getFirst().path().contains("force=true"));
    }

    @Test
    @DisplayName("a directory applies its manifests in name order; the context's namespace is used")
    void directoryAndContext() throws Exception {
        Path d = Files.createDirectory(dir.resolve("manifests"));
        Files.writeString(
                d.resolve("b.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata: {k: v}\n");
        Files.writeString(
                d.resolve("a.yml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {k: v}\n");
        Files.writeString(d.resolve("notes.txt"), "not a manifest");
        List<String> lines =
                apply(
                        new ApplyRequest(
                                List.of(d.toString()), kubeconfig, "other", null, false, false));
        assertEquals(
                List.of("configmap/a serverside-applied", "configmap/b serverside-applied"), lines);
        assertEquals(2, reader.configMaps().inNamespace("team").list().getItems().size());
    }

    @Test
    @DisplayName("-f - reads the manifests from standard input, as generate kube | kube apply")
    void standardInput() throws Exception {
        List<String> lines = new ArrayList<>();
        ClusterApply.apply(
                new ApplyRequest(List.of("-"), kubeconfig, null, null, false, false),
                Map.of(),
                new java.io.ByteArrayInputStream(
                        pod("busybox").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                lines::add);
        assertEquals(List.of("pod/web serverside-applied"), lines);
        assertEquals("busybox", readPod().getSpec().getContainers().getFirst().getImage());
    }

    @Test
    @DisplayName("a cluster-scoped object goes to its own path, with no namespace in it")
    void clusterScoped() throws Exception {
        Path file =
                manifest("ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: team}\n");
        assertEquals(List.of("namespace/team serverside-applied"), apply(request(file)));
        assertEquals(
                "/api/v1/namespaces/team?fieldManager=jpod", dispatcher.applies.getFirst().path());
        assertEquals("team", reader.namespaces().withName("team").get().getMetadata().getName());
    }

    @Test
    @DisplayName("--ns sets the namespace of objects that have none, and refuses one that differs")
    void namespaceFlag() throws Exception {
        Path file = manifest("pod.yaml", pod("nginx"));
        apply(new ApplyRequest(List.of(file.toString()), kubeconfig, null, "shop", false, false));
        assertEquals(1, reader.pods().inNamespace("shop").list().getItems().size());
        Path other =
                manifest(
                        "cm.yaml",
                        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: a}\n");
        ApplyException e =
                assertThrows(
                        ApplyException.class,
                        () ->
                                apply(
                                        new ApplyRequest(
                                                List.of(other.toString()),
                                                kubeconfig,
                                                null,
                                                "shop",
                                                false,
                                                false)));
        assertEquals(
                List.of(
                        "configmap/c: the namespace from the object (\"a\") does not match --ns"
                                + " \"shop\""),
                e.messages());
    }
}
