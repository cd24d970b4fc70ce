package io.jpod.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What kube apply says when the cluster cannot be had or says no: one actionable line each. */
class ClusterApplyErrorsTest {
    private static final String POD_PATH = "/api/v1/namespaces/default/pods/web?fieldManager=jpod";

    @TempDir Path dir;

    private KubernetesMockServer server;
    private Path manifest;

    @BeforeEach
    void start() throws Exception {
        server = new KubernetesMockServer(false);
        server.init();
        manifest = dir.resolve("pod.yaml");
        Files.writeString(
                manifest,
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: web}
                spec: {containers: [{name: c, image: nginx}]}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cfg}
                data: {k: v}
                """);
    }

    @AfterEach
    void stop() {
        server.destroy();
    }

    private Path kubeconfig(String url) throws Exception {
        Path f = dir.resolve("kubeconfig");
        Files.writeString(
                f,
                """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "%s"}}]
                users: [{name: u, user: {token: t}}]
                contexts: [{name: ctx, context: {cluster: c, user: u}}]
                current-context: ctx
                """
                        .formatted(url));
        return f;
    }

    private String url() {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    private ApplyException fails(ApplyRequest request, Map<String, String> env, List<String> out) {
        return assertThrows(
                ApplyException.class,
                () -> ClusterApply.apply(request, env, InputStream.nullInputStream(), out::add));
    }

    private ApplyException fails(Path kubeconfig, List<String> out) {
        return fails(
                new ApplyRequest(
                        List.of(manifest.toString()), kubeconfig, null, null, false, false),
                Map.of(),
                out);
    }

    private static Status status(int code, String reason, String message) {
        return new StatusBuilder()
                .withStatus("Failure")
                .withCode(code)
                .withReason(reason)
                .withMessage(message)
                .build();
    }

    @Test
    @DisplayName(
            "a conflict names the field, the manager that owns it, jpod's manager and the flag")
    void conflict() throws Exception {
        Status conflict =
                new StatusBuilder(
                                status(
                                        409,
                                        "Conflict",
                                        "Apply failed with 1 conflict: conflict with"
                                                + " \"kubectl-edit\" using v1:"
                                                + " .spec.containers[name=\"c\"].image"))
                        .withNewDetails()
                        .withName("web")
                        .withKind("pods")
                        .addNewCause()
                        .withReason("FieldManagerConflict")
                        .withMessage("conflict with \"kubectl-edit\" using v1")
                        .withField(".spec.containers[name=\"c\"].image")
                        .endCause()
                        .endDetails()
                        .build();
        server.expect().patch().withPath(POD_PATH).andReturn(409, conflict).once();
        server.expect()
                .patch()
                .withPath("/api/v1/namespaces/default/configmaps/cfg?fieldManager=jpod")
                .andReturn(
                        200,
                        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cfg\"}}")
                .once();
        List<String> out = new ArrayList<>();
        ApplyException e = fails(kubeconfig(url()), out);
        assertEquals(
                List.of(
                        "pod/web: conflict: .spec.containers[name=\"c\"].image is owned by field"
                                + " manager \"kubectl-edit\"; jpod applies as field manager"
                                + " \"jpod\" and takes such fields over only with"
                                + " --force-conflicts"),
                e.messages());
        assertEquals(List.of("configmap/cfg serverside-applied"), out, "the others still go");
    }

    @Test
    @DisplayName("401: the credentials were refused, and the remaining objects are not tried")
    void unauthorized() throws Exception {
        server.expect()
                .patch()
                .withPath(POD_PATH)
                .andReturn(401, status(401, "Unauthorized", "Unauthorized"))
                .always();
        ApplyException e = fails(kubeconfig(url()), new ArrayList<>());
        assertEquals(
                List.of(
                        "the cluster at "
                                + url()
                                + "/ refused the credentials of the kubeconfig (401"
                                + " Unauthorized)"),
                e.messages());
    }

    @Test
    @DisplayName("403: the server's own words, which name the user and the verb")
    void forbidden() throws Exception {
        String said =
                "pods \"web\" is forbidden: User \"dev\" cannot patch resource \"pods\" in API"
                        + " group \"\" in the namespace \"default\"";
        server.expect()
                .patch()
                .withPath(POD_PATH)
                .andReturn(403, status(403, "Forbidden", said))
                .once();
        server.expect()
                .patch()
                .withPath("/api/v1/namespaces/default/configmaps/cfg?fieldManager=jpod")
                .andReturn(403, status(403, "Forbidden", "configmaps is forbidden"))
                .once();
        ApplyException e = fails(kubeconfig(url()), new ArrayList<>());
        assertEquals(
                List.of(
                        "pod/web: forbidden (403): " + said,
                        "configmap/cfg: forbidden (403): configmaps is forbidden"),
                e.messages());
    }

    @Test
    @DisplayName("an unreachable server is named, with the reason, and fails fast")
    void unreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        long start = System.nanoTime();
        ApplyException e = fails(kubeconfig("https://127.0.0.1:" + port), new ArrayList<>());
        assertEquals(1, e.messages().size(), e.messages().toString());
        assertTrue(
                e.messages()
                        .getFirst()
                        .startsWith(
                                "cannot reach the cluster at https://127.0.0.1:" + port + "/: "),
                e.messages().toString());
        assertTrue((System.nanoTime() - start) / 1_000_000_000 < 30, "no minutes of retries");
    }

    @Test
    @DisplayName("no kubeconfig anywhere: says where it looked and what to pass")
    void noKubeconfig() {
        ApplyException e =
                fails(
                        new ApplyRequest(
                                List.of(manifest.toString()), null, null, null, false, false),
                        Map.of("HOME", dir.toString()),
                        new ArrayList<>());
        assertEquals(
                List.of(
                        "no kubeconfig: "
                                + dir.resolve(".kube/config")
                                + " does not exist; pass --kubeconfig FILE or set KUBECONFIG"),
                e.messages());
        Path missing = dir.resolve("nope");
        assertEquals(
                List.of("kubeconfig " + missing + " does not exist"),
                fails(missing, new ArrayList<>()).messages());
    }

    @Test
    @DisplayName("$KUBECONFIG is read, and a context it lacks is named with those it has")
    void unknownContext() throws Exception {
        Path config = kubeconfig(url());
        ApplyException e =
                fails(
                        new ApplyRequest(
                                List.of(manifest.toString()), null, "prod", null, false, false),
                        Map.of("KUBECONFIG", config.toString(), "HOME", dir.toString()),
                        new ArrayList<>());
        assertEquals(
                List.of(
                        "context \"prod\" does not exist in kubeconfig "
                                + config
                                + " (contexts: ctx)"),
                e.messages());
    }

    @Test
    @DisplayName("a missing manifest, and a manifest that is no Kubernetes object")
    void badManifests() throws Exception {
        Path config = kubeconfig(url());
        assertEquals(
                List.of("the path \"" + dir.resolve("x.yaml") + "\" does not exist"),
                fails(
                                new ApplyRequest(
                                        List.of(dir.resolve("x.yaml").toString()),
                                        config,
                                        null,
                                        null,
                                        false,
                                        false),
                                Map.of(),
                                new ArrayList<>())
                        .messages());
        Path junk = dir.resolve("junk.yaml");
        Files.writeString(junk, "just: [a, list\n");
        ApplyException e =
                fails(
                        new ApplyRequest(
                                List.of(junk.toString()), config, null, null, false, false),
                        Map.of(),
                        new ArrayList<>());
        assertTrue(
                e.messages().getFirst().startsWith(junk + ": not a Kubernetes manifest: "),
                e.messages().toString());
    }
}
