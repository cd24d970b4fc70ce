package io.jpod.runtime.pod;

import io.jpod.runtime.json.CanonicalJson;
import io.jpod.runtime.probe.ProbePlan;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a play compares to tell an unchanged pod from a changed one: the plan, in a canonical JSON
 * (properties and map keys sorted, so the same plan gives the same bytes in any run), split in two.
 * The spec is everything but the contents of the files the runtime writes (ConfigMap, Secret,
 * downward API); those contents are the other half, which a play may swap in place as the kubelet
 * does. The plan's {@code source} (the pod's YAML, kept for generate kube) is left out: every field
 * of it that matters is in the plan already, and annotations, say, must not restart a pod. A value
 * a ConfigMap gives an env var is in the container's env, so in the spec.
 */
public final class PlanDigest {

    // CanonicalJson leaves out values at their type's default (false, 0, empty, null): a field a
    // later jpod adds to the plan, at its default, then leaves every digest as it was, and no pod
    // is replaced for an upgrade of jpod alone. The edits below are the ones the Jackson trees of
    // earlier jpods had, down to where a key they added lands: the digests stored in pod state and
    // the renderings kept for kube diff were taken of that text.

    /** ProbePlan.Action's {@code @JsonSubTypes}, as CanonicalJson is given them (tested equal). */
    static final Map<Class<?>, CanonicalJson.Tag> TAGS =
            Map.of(
                    ProbePlan.Action.Exec.class, new CanonicalJson.Tag("kind", "exec"),
                    ProbePlan.Action.HttpGet.class, new CanonicalJson.Tag("kind", "httpGet"),
                    ProbePlan.Action.TcpSocket.class, new CanonicalJson.Tag("kind", "tcpSocket"),
                    ProbePlan.Action.Grpc.class, new CanonicalJson.Tag("kind", "grpc"));

    private static final CanonicalJson JSON = new CanonicalJson(TAGS);

    private PlanDigest() {}

    /**
     * The plan as {@code kube diff} shows it: the spec's canonical JSON with the values Secrets
     * give env vars masked, then each file the runtime writes with its size and digest, never its
     * content (it may be a Secret's).
     */
    public static String render(PodPlan plan) {
        Map<String, Object> tree = specTree(plan);
        for (Object container : array(tree, "containers")) {
            mask(object(container));
        }
        for (Object container : array(tree, "initContainers")) {
            mask(object(container));
        }
        StringBuilder out = new StringBuilder(CanonicalJson.pretty(tree));
        out.append('\n');
        for (VolumePlan v : plan.volumes()) {
            if (v instanceof VolumePlan.Files f) {
                for (VolumePlan.FileEntry e : f.files()) {
                    String mode = Integer.toOctalString(e.mode());
                    out.append("volume ")
                            .append(f.name())
                            .append(": ")
                            .append(e.path())
                            .append(" mode ")
                            .repeat('0', Math.max(0, 4 - mode.length()))
                            .append(mode)
                            .append(", ")
                            .append(e.content().length)
                            .append(" bytes, ")
                            .append(sha256(e.content()))
                            .append(System.lineSeparator());
                }
            }
        }
        return out.toString();
    }

    private static void mask(Map<String, Object> container) {
        Set<String> secret = new HashSet<>();
        for (Object name : array(container, "secretEnv")) {
            secret.add((String) name);
        }
        List<Object> env = array(container, "env");
        for (int i = 0; i < env.size(); i++) {
            String entry = (String) env.get(i);
            int eq = entry.indexOf('=');
            if (eq > 0 && secret.contains(entry.substring(0, eq))) {
                env.set(i, entry.substring(0, eq + 1) + "<masked: from a Secret>");
            }
        }
    }

    public static String spec(PodPlan plan) {
        return sha256(CanonicalJson.compact(specTree(plan)));
    }

    public static String files(PodPlan plan) {
        List<Object> files = new ArrayList<>();
        for (VolumePlan v : plan.volumes()) {
            if (v instanceof VolumePlan.Files f) {
                files.add(JSON.tree(f));
            }
        }
        return sha256(CanonicalJson.compact(files));
    }

    private static Map<String, Object> specTree(PodPlan plan) {
        Map<String, Object> tree = object(JSON.tree(plan));
        tree.remove("source");
        List<Object> volumes = new ArrayList<>();
        for (VolumePlan v : plan.volumes()) {
            Map<String, Object> node = object(JSON.tree(v));
            // the kinds share property names: the kind keeps a hostPath from reading as another
            node.put("kind", v.getClass().getSimpleName());
            node.remove("files");
            volumes.add(node);
        }
        tree.put("volumes", volumes);
        pruneEmpty(tree);
        return tree;
    }

    /**
     * Leaves out objects that hold nothing but defaults: a record a later jpod adds to the plan
     * (probes, confinement) is at its default as {@code {}}, and must move no digest either.
     */
    private static boolean pruneEmpty(Object node) {
        if (node instanceof Map<?, ?> object) {
            object.values().removeIf(PlanDigest::pruneEmpty);
            return object.isEmpty();
        }
        if (node instanceof List<?> array) {
            array.forEach(PlanDigest::pruneEmpty);
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object node) {
        return (Map<String, Object>) node;
    }

    /**
     * The object's array of that name, made empty at the end if it had none (as Jackson's
     * withArray).
     */
    @SuppressWarnings("unchecked")
    private static List<Object> array(Map<String, Object> object, String name) {
        return (List<Object>) object.computeIfAbsent(name, k -> new ArrayList<>());
    }

    /**
     * Looks up SHA-256 once: the JDK's first lookup sets up its security providers, 10 to 15 ms of
     * a cold JVM even from the AOT cache, which a spare thread can spend while a play parses.
     */
    static void warmUp() {
        sha256(new byte[0]);
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
