package io.jpod.model;

import io.jpod.model.yaml.YamlWriter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a pod back as Kubernetes YAML, preceded by the ConfigMaps, Secrets and claims it uses.
 * Defaults are left out, so loading the output gives the same pod. A workload's selector is its
 * template's labels (an {@code app} label is added if there are none); its restartPolicy is made
 * valid for the kind: Always for Deployments and DaemonSets, OnFailure for a Job whose pod had
 * Always. With {@link ExportOptions#service()}, a Service for the pod's ports follows.
 */
public final class ManifestWriter {
    private ManifestWriter() {}

    public static String write(PodModel pod, OutputKind kind, ManifestSet refs) {
        return write(pod, ExportOptions.of(kind), refs);
    }

    /**
     * As {@link #write(PodModel, OutputKind, ManifestSet)}, with a Deployment's replicas and, if
     * asked, a Service for the pod's ports last (see {@link ServiceWriter}). A Service selects the
     * pod by its labels, so a pod without any is given {@code app: <name>}, as a workload's
     * template is.
     */
    public static String write(PodModel pod, ExportOptions options, ManifestSet refs) {
        List<Map<String, Object>> documents = new ArrayList<>(referenced(pod, refs));
        OutputKind kind = options.kind();
        String name = kind == OutputKind.POD ? pod.name() : workloadName(pod, kind);
        Map<String, String> labels =
                pod.labels().isEmpty() && (kind != OutputKind.POD || options.service())
                        ? Map.of("app", name)
                        : pod.labels();
        documents.add(
                kind == OutputKind.POD
                        ? podDocument(pod, labels)
                        : workload(pod, kind, name, labels, options.replicas()));
        if (options.service()) {
            documents.add(
                    ServiceWriter.service(pod, name, labels)
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "pod "
                                                            + pod.name()
                                                            + " has no ports to put in a"
                                                            + " Service")));
        }
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> d : documents) {
            out.append(out.isEmpty() ? "" : "---\n").append(YamlWriter.write(d));
        }
        return out.toString();
    }

    private static Map<String, Object> podDocument(PodModel pod, Map<String, String> labels) {
        Map<String, Object> d = header("v1", "Pod");
        Map<String, Object> meta = metadata(pod.name(), pod.namespace());
        putNonEmpty(meta, "labels", labels);
        putNonEmpty(meta, "annotations", pod.annotations());
        d.put("metadata", meta);
        d.put("spec", PodSpecWriter.spec(pod, pod.restartPolicy()));
        return d;
    }

    private static String workloadName(PodModel pod, OutputKind kind) {
        return pod.sourceKind().spelling().equals(kind.spelling())
                ? pod.workloadName()
                : pod.name();
    }

    private static Map<String, Object> workload(
            PodModel pod, OutputKind kind, String name, Map<String, String> labels, int replicas) {
        RestartPolicy restart =
                kind != OutputKind.JOB
                        ? RestartPolicy.ALWAYS
                        : pod.restartPolicy() == RestartPolicy.ALWAYS
                                ? RestartPolicy.ON_FAILURE
                                : pod.restartPolicy();
        Map<String, Object> d =
                header(kind == OutputKind.JOB ? "batch/v1" : "apps/v1", kind.spelling());
        d.put("metadata", metadata(name, pod.namespace()));
        Map<String, Object> template = new LinkedHashMap<>();
        Map<String, Object> templateMeta = new LinkedHashMap<>();
        templateMeta.put("labels", labels);
        putNonEmpty(templateMeta, "annotations", pod.annotations());
        template.put("metadata", templateMeta);
        template.put("spec", PodSpecWriter.spec(pod, restart));
        Map<String, Object> spec = new LinkedHashMap<>();
        if (kind == OutputKind.DEPLOYMENT) {
            spec.put("replicas", replicas);
        }
        if (kind != OutputKind.JOB) {
            spec.put("selector", Map.of("matchLabels", labels));
        }
        spec.put("template", template);
        d.put("spec", spec);
        return d;
    }

    /**
     * ConfigMaps, then Secrets, then claims the pod uses and the set defines, in order of first
     * use.
     */
    private static List<Map<String, Object>> referenced(PodModel pod, ManifestSet refs) {
        Set<String> configMaps = new LinkedHashSet<>();
        Set<String> secrets = new LinkedHashSet<>();
        Set<String> claims = new LinkedHashSet<>();
        for (ContainerModel c : pod.allContainers()) {
            for (EnvFromModel e : c.envFrom()) {
                addIfSet(configMaps, e.configMapName());
                addIfSet(secrets, e.secretName());
            }
            for (EnvVarModel e : c.env()) {
                addIfSet(
                        configMaps,
                        e.configMapKeyRef() == null ? null : e.configMapKeyRef().name());
                addIfSet(secrets, e.secretKeyRef() == null ? null : e.secretKeyRef().name());
            }
        }
        List<VolumeModel> sources = new ArrayList<>();
        for (VolumeModel v : pod.volumes()) {
            sources.add(v);
            if (v instanceof VolumeModel.Projected p) {
                sources.addAll(p.sources());
            }
        }
        for (VolumeModel v : sources) {
            switch (v) {
                case VolumeModel.ConfigMap c -> configMaps.add(c.configMapName());
                case VolumeModel.Secret s -> secrets.add(s.secretName());
                case VolumeModel.Claim c -> claims.add(c.claimName());
                default -> {}
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        configMaps.forEach(
                n -> refs.configMap(pod.namespace(), n).ifPresent(c -> out.add(configMap(c))));
        secrets.forEach(n -> refs.secret(pod.namespace(), n).ifPresent(s -> out.add(secret(s))));
        claims.forEach(n -> refs.claim(pod.namespace(), n).ifPresent(c -> out.add(claim(c))));
        return out;
    }

    private static Map<String, Object> configMap(ConfigMapModel c) {
        Map<String, Object> d = header("v1", "ConfigMap");
        d.put("metadata", metadata(c.name(), c.namespace()));
        putNonEmpty(d, "data", c.data());
        putNonEmpty(d, "binaryData", c.binaryData());
        return d;
    }

    private static Map<String, Object> secret(SecretModel s) {
        Map<String, Object> d = header("v1", "Secret");
        d.put("metadata", metadata(s.name(), s.namespace()));
        if (!s.type().equals("Opaque")) {
            d.put("type", s.type());
        }
        putNonEmpty(d, "data", s.data());
        return d;
    }

    private static Map<String, Object> claim(PvcModel c) {
        Map<String, Object> d = header("v1", "PersistentVolumeClaim");
        d.put("metadata", metadata(c.name(), c.namespace()));
        Map<String, Object> spec = new LinkedHashMap<>();
        putNonEmpty(spec, "accessModes", c.accessModes());
        if (c.storage() != null) {
            spec.put("resources", Map.of("requests", Map.of("storage", c.storage().text())));
        }
        putIfSet(spec, "storageClassName", c.storageClassName());
        d.put("spec", spec);
        return d;
    }

    private static Map<String, Object> header(String apiVersion, String kind) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("apiVersion", apiVersion);
        d.put("kind", kind);
        return d;
    }

    static Map<String, Object> metadata(String name, String namespace) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", name);
        if (!namespace.equals("default")) {
            meta.put("namespace", namespace);
        }
        return meta;
    }

    private static void addIfSet(Set<String> names, String name) {
        if (name != null) {
            names.add(name);
        }
    }

    static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    static void putNonEmpty(Map<String, Object> map, String key, Object value) {
        if (value instanceof Map<?, ?> m && !m.isEmpty()
                || value instanceof List<?> l && !l.isEmpty()) {
            map.put(key, value);
        }
    }

    static void putUnlessDefault(
            Map<String, Object> map, String key, Object value, Object fallback) {
        if (value != null && !Objects.equals(value, fallback)) {
            map.put(key, value);
        }
    }
}
