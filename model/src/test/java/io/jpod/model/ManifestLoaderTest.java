package io.jpod.model;

import static io.jpod.model.Manifests.load;
import static io.jpod.model.Manifests.pod;
import static io.jpod.model.Manifests.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

class ManifestLoaderTest {
    @Test
    @DisplayName(
            "a Pod gets Kubernetes' defaults: namespace default, restartPolicy Always, grace 30s,"
                    + " hostname = name")
    void podDefaults() {
        PodModel p = pod(Manifests.podWith(""));
        assertEquals("p", p.name());
        assertEquals("default", p.namespace());
        assertEquals(RestartPolicy.ALWAYS, p.restartPolicy());
        assertEquals(30, p.terminationGracePeriodSeconds());
        assertEquals("p", p.hostname());
        assertEquals(SourceKind.POD, p.sourceKind());
        assertEquals(DnsPolicy.CLUSTER_FIRST, p.dnsPolicy());
        assertEquals("default", p.serviceAccountName());
        assertNull(p.hostUsers());
        ContainerModel c = p.containers().get(0);
        assertNull(c.command(), "absent command stays null");
        assertNull(c.args());
        assertEquals(PullPolicy.IF_NOT_PRESENT, c.imagePullPolicy());
    }

    @Test
    @DisplayName("uid is a name-based UUID of namespace/name, stable across loads")
    void uidIsDeterministic() {
        assertEquals(PodModel.uidFor("default", "p"), pod(Manifests.podWith("")).uid());
    }

    @Test
    @DisplayName(
            "imagePullPolicy defaults to Always for :latest or no tag, IfNotPresent otherwise or"
                    + " with a digest")
    void pullPolicyDefault() {
        assertEquals(PullPolicy.ALWAYS, ContainerModel.defaultPullPolicy("nginx"));
        assertEquals(PullPolicy.ALWAYS, ContainerModel.defaultPullPolicy("nginx:latest"));
        assertEquals(PullPolicy.ALWAYS, ContainerModel.defaultPullPolicy("localhost:5000/app"));
        assertEquals(
                PullPolicy.IF_NOT_PRESENT,
                ContainerModel.defaultPullPolicy("localhost:5000/app:1.0"));
        assertEquals(
                PullPolicy.IF_NOT_PRESENT, ContainerModel.defaultPullPolicy("nginx@sha256:abcd"));
    }

    @Test
    @DisplayName(
            "the kubelet cuts a long pod name to 63 characters for the hostname, without a trailing"
                    + " '-'")
    void hostnameTruncated() {
        String name = "a".repeat(62) + "-b";
        assertEquals("a".repeat(62), PodModel.defaultHostname(name));
    }

    @Test
    @DisplayName("a missing image is reported with file:line:column and the field path")
    void missingImage() {
        List<String> problems =
                problems(
                        """
                        apiVersion: v1
                        kind: Pod
                        metadata:
                          name: web
                        spec:
                          containers:
                          - name: a
                            image: nginx
                          - name: b
                            command: [sh]
                        """);
        assertEquals(List.of("test.yaml:9:5: spec.containers[1].image: required"), problems);
    }

    @Test
    @DisplayName("every problem is reported in one run, in file order")
    void collectsAll() {
        List<String> problems =
                problems(
                        """
                        apiVersion: v1
                        kind: Pod
                        metadata:
                          name: Web_App
                        spec:
                          containers:
                          - name: a
                          - name: a
                            image: nginx
                        """);
        assertEquals(
                List.of(
                        "test.yaml:4:9: metadata.name: invalid name \"Web_App\": a lowercase RFC"
                            + " 1123 subdomain must consist of lower case alphanumeric characters,"
                            + " '-' or '.', and must start and end with an alphanumeric character",
                        "test.yaml:7:5: spec.containers[0].image: required",
                        "test.yaml:8:11: spec.containers[1].name: duplicate container name \"a\""),
                problems);
    }

    @Test
    @DisplayName("container names are unique across init containers and containers")
    void duplicateAcrossInit() {
        assertEquals(
                List.of(
                        "test.yaml:9:11: spec.containers[0].name: duplicate container name"
                                + " \"setup\""),
                problems(
                        """
                        apiVersion: v1
                        kind: Pod
                        metadata: {name: p}
                        spec:
                          initContainers:
                          - name: setup
                            image: busybox
                          containers:
                          - name: setup
                            image: busybox
                        """));
    }

    @Test
    @DisplayName("YAML syntax errors give the parser's position")
    void syntaxError() {
        List<String> problems =
                problems(
                        """
                        apiVersion: v1
                        kind: Pod
                        metadata:
                          name: p
                         spec: x
                        """);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("test.yaml:5:"), problems.get(0));
        assertTrue(problems.get(0).contains("YAML syntax"), problems.get(0));
    }

    @Test
    @DisplayName("kubectl rejects a number where a string belongs, e.g. an env value")
    void numberForString() {
        assertEquals(
                List.of(
                        "test.yaml:11:14: spec.containers[0].env[0].value: expected a string, got"
                                + " an integer (quote it: \"8080\")"),
                problems(
                        Manifests.podWith(
                                """
                                env:
                                - name: PORT
                                  value: 8080
                                """)));
    }

    @Test
    @DisplayName("YAML 1.1 as kubectl reads it: 'yes' is a boolean, so it is not a string")
    void yesIsBoolean() {
        List<String> problems =
                problems(
                        Manifests.podWith(
                                """
                                env:
                                - name: DEBUG
                                  value: yes
                                """));
        assertTrue(problems.get(0).contains("expected a string, got a boolean"), problems.get(0));
    }

    @Test
    @DisplayName("duplicate keys are an error, as in go-yaml")
    void duplicateKey() {
        assertEquals(
                List.of("test.yaml:9:5: spec.containers[0].image: duplicate key \"image\""),
                problems(Manifests.podWith("image: nginx")));
    }

    @Test
    @DisplayName(
            "unknown fields are warned with a suggestion, not rejected (kubectl's"
                    + " fieldValidation=Warn)")
    void unknownField() {
        ManifestSet set = load(Manifests.podWith("comand: [sh]"));
        assertEquals(
                List.of(
                        new Notice(
                                "test.yaml:9:5",
                                "spec.containers[0].comand: unknown field, did you mean"
                                        + " \"command\"?")),
                set.notices());
    }

    @Test
    @DisplayName("fields jpod cannot honour get a notice rather than silence")
    void unsupportedFieldNotice() {
        ManifestSet set =
                load(
                        """
                        apiVersion: v1
                        kind: Pod
                        metadata: {name: p}
                        spec:
                          nodeSelector: {disk: ssd}
                          containers: [{name: c, image: busybox}]
                        """);
        assertEquals(1, set.notices().size());
        assertTrue(
                set.notices()
                        .get(0)
                        .message()
                        .startsWith("spec.nodeSelector: scheduling does not apply"));
    }

    @Test
    @DisplayName("Services and unknown kinds are skipped with a one-line notice")
    void skipsOtherKinds() {
        ManifestSet set =
                load(
                        """
                        apiVersion: v1
                        kind: Service
                        metadata: {name: web}
                        spec: {ports: [{port: 80}]}
                        ---
                        apiVersion: example.com/v1
                        kind: Widget
                        metadata: {name: w}
                        """);
        assertEquals(
                List.of(
                        new Notice(
                                "test.yaml:1:1",
                                "Service \"web\" skipped: jpod runs pods; publish ports with"
                                        + " hostPort"),
                        new Notice("test.yaml:6:1", "Widget \"w\" skipped: jpod runs pods")),
                set.notices());
    }

    @Test
    @DisplayName("kind: List is flattened")
    void list() {
        ManifestSet set =
                load(
                        """
                        apiVersion: v1
                        kind: List
                        items:
                        - apiVersion: v1
                          kind: ConfigMap
                          metadata: {name: cfg}
                          data: {a: "1"}
                        - apiVersion: v1
                          kind: Pod
                          metadata: {name: p}
                          spec: {containers: [{name: c, image: busybox}]}
                        """);
        assertEquals(1, set.pods().size());
        assertEquals(1, set.configMaps().size());
    }

    @Test
    @DisplayName("a directory loads every *.yaml and *.yml in name order; '-' reads stdin")
    void directoryAndStdin(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("b.yml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n");
        Files.writeString(
                dir.resolve("a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n");
        Files.writeString(dir.resolve("notes.txt"), "not yaml: [");
        var stdin =
                new ByteArrayInputStream(
                        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"
                                .getBytes(StandardCharsets.UTF_8));
        ManifestSet set = ManifestLoader.load(List.of(dir.toString(), "-"), stdin);
        assertEquals(
                List.of("a", "b", "c"),
                set.configMaps().stream().map(ConfigMapModel::name).toList());
    }

    @Test
    @DisplayName("an unreadable file is a problem, not a crash")
    void missingFile(@TempDir Path dir) {
        String path = dir.resolve("nope.yaml").toString();
        ManifestException e =
                assertThrows(
                        ManifestException.class,
                        () ->
                                ManifestLoader.load(
                                        List.of(path), java.io.InputStream.nullInputStream()));
        assertEquals(path + ": cannot read: no such file or directory", e.getMessage());
    }

    @Test
    @DisplayName(
            "a label written `key:` with no value is the empty string, as Kubernetes reads it"
                    + " (a fuzz finding: it crashed the reader)")
    void labelWithoutValue() {
        PodModel p =
                pod(
                        """
                        apiVersion: v1
                        kind: Pod
                        metadata:
                          name: p
                          labels:
                            a:
                        spec:
                          containers:
                          - name: c
                            image: busybox:1
                        """);
        assertEquals(java.util.Map.of("a", ""), p.labels());
    }

    @Test
    @DisplayName("annotations over the API server's 256 KiB are refused, located at the field")
    void annotationsTooLong() {
        String big = "x".repeat(300 * 1024);
        List<String> problems =
                problems(
                        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n"
                                + "    note: "
                                + big
                                + "\nspec:\n  containers:\n  - name: c\n    image: busybox:1\n");
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(
                problems.getFirst()
                        .startsWith(
                                "test.yaml:6:5: metadata.annotations: too long: must have at most"
                                        + " 262144 bytes, has 307204"),
                problems.getFirst());
    }

    @Test
    @DisplayName("an env value may hold anything, newlines and 64 KiB included: it is data")
    void envValuesAreData() {
        String value = "line1\nline2; $(rm -rf /) `id` " + "v".repeat(64 * 1024);
        PodModel p =
                pod(
                        Manifests.podWith(
                                "env:\n- name: V\n  value: \""
                                        + value.replace("\n", "\\n")
                                        + "\"\n"));
        assertEquals(value, p.containers().getFirst().env().getFirst().value());
    }
}
