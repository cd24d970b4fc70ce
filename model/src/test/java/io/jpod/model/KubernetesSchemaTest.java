package io.jpod.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every export {@code generate kube} can make of the samples and of the model's test manifests (as
 * each kind, with and without a Service) is checked two ways:
 *
 * <ul>
 *   <li>against fabric8's model classes, which are generated from Kubernetes' OpenAPI spec: every
 *       field must be one the type has (fabric8 keeps unknown ones aside as "additional
 *       properties") and of its type (no scalar coercion);
 *   <li>against Kubernetes v1.30's JSON schemas in the "standalone-strict" form of
 *       yannh/kubernetes-json-schema (made from the OpenAPI spec, with unknown fields refused), by
 *       networknt's validator. Those files are data from outside the project, kept with their
 *       origin in {@code src/test/resources/kubernetes-json-schema/}; {@code $JPOD_K8S_SCHEMAS}
 *       points the test at another version's.
 * </ul>
 */
class KubernetesSchemaTest {
    private static final Map<String, Class<? extends KubernetesResource>> TYPES =
            Map.of(
                    "Pod", Pod.class,
                    "Deployment", Deployment.class,
                    "DaemonSet", DaemonSet.class,
                    "Job", Job.class,
                    "Service", Service.class,
                    "ConfigMap", ConfigMap.class,
                    "Secret", Secret.class,
                    "PersistentVolumeClaim", PersistentVolumeClaim.class);

    private static final Map<String, String> SCHEMA_FILES =
            Map.of(
                    "Pod", "pod-v1.json",
                    "Deployment", "deployment-apps-v1.json",
                    "DaemonSet", "daemonset-apps-v1.json",
                    "Job", "job-batch-v1.json",
                    "Service", "service-v1.json",
                    "ConfigMap", "configmap-v1.json",
                    "Secret", "secret-v1.json",
                    "PersistentVolumeClaim", "persistentvolumeclaim-v1.json");

    private static final ObjectMapper STRICT =
            JsonMapper.builder()
                    .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .build();

    /** Every export, as {@code name: yaml}. */
    static Map<String, String> exports() throws Exception {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Path file : RoundTripTest.manifests().toList()) {
            ManifestSet set =
                    ManifestLoader.parse(file.getFileName().toString(), Files.readString(file));
            for (PodModel pod : set.pods()) {
                boolean ports = pod.containers().stream().anyMatch(c -> !c.ports().isEmpty());
                for (OutputKind kind : OutputKind.values()) {
                    for (boolean service : ports ? List.of(false, true) : List.of(false)) {
                        int replicas = kind == OutputKind.DEPLOYMENT ? 2 : 1;
                        out.put(
                                file.getFileName()
                                        + " "
                                        + pod.name()
                                        + " "
                                        + kind
                                        + (service ? " --service" : ""),
                                ManifestWriter.write(
                                        pod, new ExportOptions(kind, replicas, service), set));
                    }
                }
            }
        }
        return out;
    }

    private static List<JsonNode> documents(String yaml) {
        List<JsonNode> out = new ArrayList<>();
        for (Object d : new Load(LoadSettings.builder().build()).loadAllFromString(yaml)) {
            out.add(STRICT.valueToTree(d));
        }
        return out;
    }

    @Test
    @DisplayName("every export has only fields of fabric8's OpenAPI-generated types, typed right")
    void fabric8Types() throws Exception {
        Map<String, String> exports = exports();
        assertTrue(exports.size() > 30, exports.keySet().toString());
        Set<String> kinds = new java.util.TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (var e : exports.entrySet()) {
            for (JsonNode d : documents(e.getValue())) {
                String kind = d.path("kind").asText();
                kinds.add(kind);
                Class<? extends KubernetesResource> type = TYPES.get(kind);
                if (type == null) {
                    problems.add(e.getKey() + ": unexpected kind " + kind);
                    continue;
                }
                try {
                    unknownFields(STRICT.treeToValue(d, type), kind, problems, e.getKey());
                } catch (Exception x) {
                    problems.add(e.getKey() + ": " + kind + ": " + x.getMessage());
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(TYPES.keySet(), kinds, "the exports cover every kind jpod writes");
    }

    @Test
    @DisplayName("every export validates against Kubernetes v1.30's strict JSON schemas")
    void kubernetesJsonSchemas() throws Exception {
        Path dir = schemaDirectory();
        assertNotNull(
                dir,
                "Kubernetes JSON schemas not found: set JPOD_K8S_SCHEMAS or restore"
                        + " yannh/kubernetes-json-schema's v1.30.0-standalone-strict files in"
                        + " src/test/resources/kubernetes-json-schema/");
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        Map<String, JsonSchema> schemas = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int validated = 0;
        for (var e : exports().entrySet()) {
            for (JsonNode d : documents(e.getValue())) {
                String kind = d.path("kind").asText();
                JsonSchema schema =
                        schemas.computeIfAbsent(
                                kind, k -> load(factory, dir.resolve(SCHEMA_FILES.get(k))));
                for (ValidationMessage m : schema.validate(d)) {
                    problems.add(e.getKey() + ": " + kind + ": " + m.getMessage());
                }
                validated++;
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(validated > 60, "documents validated: " + validated);
    }

    @Test
    @DisplayName("the schema check can fail: a misspelt field and a string port are refused")
    void schemasRefuseWhatTheyShould() throws Exception {
        String bad =
                """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers: [{name: c, image: i, imagePullPolicy: Always, prots: [], ports: [{containerPort: "80"}]}]
                """;
        JsonNode d = documents(bad).getFirst();
        List<String> problems = new ArrayList<>();
        try {
            unknownFields(STRICT.treeToValue(d, Pod.class), "Pod", problems, "bad");
        } catch (Exception x) {
            problems.add(x.getMessage());
        }
        assertTrue(!problems.isEmpty(), "fabric8's types refuse it");
        Path dir = schemaDirectory();
        if (dir != null) {
            JsonSchema schema =
                    load(
                            JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4),
                            dir.resolve("pod-v1.json"));
            Set<ValidationMessage> messages = schema.validate(d);
            assertTrue(
                    messages.stream().anyMatch(m -> m.getMessage().contains("prots")),
                    messages.toString());
            assertTrue(
                    messages.stream().anyMatch(m -> m.getMessage().contains("containerPort")),
                    messages.toString());
        }
    }

    private static Path schemaDirectory() {
        String env = System.getenv("JPOD_K8S_SCHEMAS");
        List<Path> candidates =
                env != null && !env.isBlank()
                        ? List.of(Path.of(env))
                        : List.of(
                                Path.of(
                                        "src",
                                        "test",
                                        "resources",
                                        "kubernetes-json-schema",
                                        "v1.30.0-standalone-strict"));
        return candidates.stream()
                .filter(p -> Files.isRegularFile(p.resolve("pod-v1.json")))
                .findFirst()
                .orElse(null);
    }

    private static JsonSchema load(JsonSchemaFactory factory, Path file) {
        try {
            ObjectNode node = (ObjectNode) STRICT.readTree(file.toFile());
            node.remove("$schema"); // "http://json-schema.org/schema#": draft 4, named loosely
            return factory.getSchema(node);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Fields fabric8 kept aside as unknown, anywhere in the object. */
    private static void unknownFields(Object o, String path, List<String> problems, String export)
            throws Exception {
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                unknownFields(e, path + "[" + i++ + "]", problems, export);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                unknownFields(e.getValue(), path + "." + e.getKey(), problems, export);
            }
            return;
        }
        if (!(o instanceof KubernetesResource)) {
            return;
        }
        for (Method getter : o.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = getter.invoke(o);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(export + ": " + path + ": unknown fields " + extra.keySet());
                }
            } else {
                unknownFields(value, path + "." + getter.getName().substring(3), problems, export);
            }
        }
    }
}
