package io.jpod.runtime.pod;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * PlanDigest as jpod wrote it with Jackson, the reference its digests and renderings must equal
 * byte for byte: they are stored in pod state and plan files of pods an older jpod played.
 */
final class JacksonPlanDigest {

    // values at their type's default (false, 0, empty, null) are left out: a field a later jpod
    // adds to the plan, at its default, then leaves every digest as it was, and no pod is
    // replaced for an upgrade of jpod alone
    private static final ObjectMapper CANONICAL =
            JsonMapper.builder()
                    .defaultPropertyInclusion(
                            JsonInclude.Value.construct(
                                    JsonInclude.Include.NON_DEFAULT,
                                    JsonInclude.Include.NON_DEFAULT))
                    .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .build();

    private JacksonPlanDigest() {}

    /**
     * The plan as {@code kube diff} shows it: the spec's canonical JSON with the values Secrets
     * give env vars masked, then each file the runtime writes with its size and digest, never its
     * content (it may be a Secret's).
     */
    static String render(PodPlan plan) {
        ObjectNode tree = specTree(plan);
        for (var container : tree.withArray("containers")) {
            mask((ObjectNode) container);
        }
        for (var container : tree.withArray("initContainers")) {
            mask((ObjectNode) container);
        }
        StringBuilder out = new StringBuilder();
        try {
            out.append(CANONICAL.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan is always serializable", e);
        }
        out.append('\n');
        for (VolumePlan v : plan.volumes()) {
            if (v instanceof VolumePlan.Files f) {
                for (VolumePlan.FileEntry e : f.files()) {
                    out.append(
                            String.format(
                                    "volume %s: %s mode %04o, %d bytes, %s%n",
                                    f.name(),
                                    e.path(),
                                    e.mode(),
                                    e.content().length,
                                    sha256(e.content())));
                }
            }
        }
        return out.toString();
    }

    private static void mask(ObjectNode container) {
        java.util.Set<String> secret = new java.util.HashSet<>();
        container.withArray("secretEnv").forEach(n -> secret.add(n.asText()));
        ArrayNode env = container.withArray("env");
        for (int i = 0; i < env.size(); i++) {
            String entry = env.get(i).asText();
            int eq = entry.indexOf('=');
            if (eq > 0 && secret.contains(entry.substring(0, eq))) {
                env.set(i, entry.substring(0, eq + 1) + "<masked: from a Secret>");
            }
        }
    }

    static String spec(PodPlan plan) {
        return sha256(bytes(specTree(plan)));
    }

    static String files(PodPlan plan) {
        ArrayNode files = CANONICAL.createArrayNode();
        for (VolumePlan v : plan.volumes()) {
            if (v instanceof VolumePlan.Files f) {
                files.add(CANONICAL.valueToTree(f));
            }
        }
        return sha256(bytes(files));
    }

    private static ObjectNode specTree(PodPlan plan) {
        ObjectNode tree = CANONICAL.valueToTree(plan);
        tree.remove("source");
        ArrayNode volumes = CANONICAL.createArrayNode();
        for (VolumePlan v : plan.volumes()) {
            ObjectNode node = CANONICAL.valueToTree(v);
            // the kinds share property names: the kind keeps a hostPath from reading as another
            node.put("kind", v.getClass().getSimpleName());
            node.remove("files");
            volumes.add(node);
        }
        tree.set("volumes", volumes);
        pruneEmpty(tree);
        return tree;
    }

    /**
     * Leaves out objects that hold nothing but defaults: a record a later jpod adds to the plan
     * (probes, confinement) is at its default as {@code {}}, and must move no digest either.
     */
    private static boolean pruneEmpty(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(e -> pruneEmpty(e.getValue()));
            return object.isEmpty();
        }
        if (node instanceof ArrayNode array) {
            array.forEach(JacksonPlanDigest::pruneEmpty);
        }
        return false;
    }

    private static byte[] bytes(Object tree) {
        try {
            return CANONICAL.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan is always serializable", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:"
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
