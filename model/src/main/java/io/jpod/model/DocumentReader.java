package io.jpod.model;

import io.jpod.model.yaml.YMap;
import io.jpod.model.yaml.YNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Dispatches documents by kind and accumulates what they define. */
final class DocumentReader {
    private final Diagnostics diagnostics;
    private final References refs = new References();
    private final List<PodModel> pods = new ArrayList<>();
    private final List<JobModel> jobs = new ArrayList<>();
    private final List<ConfigMapModel> configMaps = new ArrayList<>();
    private final List<SecretModel> secrets = new ArrayList<>();
    private final List<PvcModel> claims = new ArrayList<>();
    private final Map<String, YNode> defined = new LinkedHashMap<>();

    DocumentReader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The names of the pods read so far, in order. */
    List<String> podNames() {
        return pods.stream().map(PodModel::name).toList();
    }

    void read(YNode document) {
        if (document.isNull()) {
            return; // an empty document, e.g. a trailing '---'
        }
        YMap m = document.map();
        if (m == null) {
            return;
        }
        String kind = m.requiredString("kind");
        String apiVersion = m.requiredString("apiVersion");
        if (kind == null || apiVersion == null) {
            return;
        }
        String expected =
                switch (kind) {
                    case "Deployment", "DaemonSet" -> "apps/v1";
                    case "Job" -> "batch/v1";
                    case "Pod", "ConfigMap", "Secret", "PersistentVolumeClaim", "List" -> "v1";
                    default -> null;
                };
        if (expected != null && !expected.equals(apiVersion)) {
            m.error(
                    "apiVersion",
                    "no kind \""
                            + kind
                            + "\" in \""
                            + apiVersion
                            + "\"; use apiVersion: "
                            + expected);
            return;
        }
        switch (kind) {
            case "List" -> {
                m.accept("metadata");
                m.items("items").forEach(this::read);
                m.finish();
            }
            case "Pod" -> pod(m);
            case "Deployment", "DaemonSet", "Job" -> workload(m, kind);
            case "ConfigMap" -> configMap(m);
            case "Secret" -> secret(m);
            case "PersistentVolumeClaim" -> claim(m);
            default -> {
                YMap meta = m.map("metadata");
                String name = meta == null ? null : meta.string("name");
                diagnostics.notice(
                        document.mark(),
                        kind
                                + (name == null ? "" : " \"" + name + "\"")
                                + " skipped: jpod runs pods"
                                + (kind.equals("Service") ? "; publish ports with hostPort" : ""));
            }
        }
    }

    private void pod(YMap m) {
        PodReader.Meta meta = PodReader.metadata(m, true, "default");
        YMap spec = m.map("spec");
        if (spec == null) {
            m.missing("spec");
        }
        m.accept("status");
        m.finish();
        if (spec == null) {
            return;
        }
        String name = meta.name() == null ? "" : meta.name();
        add(PodReader.spec(spec, meta, SourceKind.POD, name, name, refs), m);
    }

    private void workload(YMap m, String kind) {
        PodReader.Meta owner = PodReader.metadata(m, true, "default");
        if (kind.equals("Job") && owner.name() != null && owner.name().length() > 63) {
            // the Job controller labels each pod job-name=<name>, and a label value is 63 at most
            YMap meta = m.map("metadata");
            meta.error(
                    meta.has("name") ? "name" : "generateName",
                    "must be no more than 63 characters: a Job's name is its pods' job-name label");
        }
        YMap spec = m.map("spec");
        m.accept("status");
        m.finish();
        if (spec == null) {
            m.missing("spec");
            return;
        }
        SourceKind source = Spelled.parse(SourceKind.class, kind);
        long replicas = 1;
        JobModel job = null;
        if (source == SourceKind.DEPLOYMENT) {
            Long r = Values.bounded(spec, "replicas", 0, Integer.MAX_VALUE);
            replicas = r == null ? 1 : r;
            spec.accept(
                    "strategy",
                    "minReadySeconds",
                    "revisionHistoryLimit",
                    "progressDeadlineSeconds",
                    "paused");
        } else if (source == SourceKind.DAEMONSET) {
            spec.accept("updateStrategy", "minReadySeconds", "revisionHistoryLimit");
        } else {
            Long completions = Values.bounded(spec, "completions", 1, 10_000);
            Long parallelism = Values.bounded(spec, "parallelism", 0, 10_000);
            Long backoff = Values.bounded(spec, "backoffLimit", 0, Integer.MAX_VALUE);
            Long deadline = Values.bounded(spec, "activeDeadlineSeconds", 1, Long.MAX_VALUE);
            replicas = completions == null ? 1 : completions;
            if (parallelism != null && parallelism == 0) {
                spec.node().warn("parallelism 0 suspends a Job in Kubernetes; jpod runs it with 1");
            }
            job =
                    new JobModel(
                            owner.name() == null ? "" : owner.name(),
                            owner.namespace(),
                            (int) replicas,
                            parallelism == null ? 1 : parallelism.intValue(),
                            backoff == null ? 6 : backoff.intValue(),
                            deadline,
                            List.of());
            spec.accept(
                    "ttlSecondsAfterFinished",
                    "completionMode",
                    "suspend",
                    "manualSelector",
                    "podFailurePolicy",
                    "backoffLimitPerIndex",
                    "maxFailedIndexes",
                    "successPolicy",
                    "podReplacementPolicy",
                    "managedBy");
        }
        YMap template = spec.map("template");
        YMap selector = spec.map("selector");
        if (selector == null && source != SourceKind.JOB) {
            spec.missing("selector");
        }
        if (template == null) {
            spec.missing("template");
            spec.finish();
            return;
        }
        PodReader.Meta meta = PodReader.metadata(template, false, owner.namespace());
        YMap podSpec = template.map("spec");
        template.finish();
        if (selector != null) {
            Selectors.check(selector, meta.labels());
        }
        spec.finish();
        if (podSpec == null) {
            template.missing("spec");
            return;
        }
        String name = owner.name() == null ? "" : owner.name();
        if (replicas == 0) {
            m.node().warn(kind + " \"" + name + "\" has 0 replicas; no pod is created");
        }
        List<String> podNames = new ArrayList<>();
        for (long i = 0; i < replicas; i++) {
            String podName =
                    job != null
                            ? name + "-" + i
                            : replicas == 1 ? name + "-pod" : name + "-pod-" + i;
            PodModel pod = PodReader.spec(podSpec, meta, source, name, podName, refs);
            checkRestartPolicy(podSpec, source, pod.restartPolicy());
            add(job == null ? pod : JobPods.indexed(pod, name, (int) i), m);
            podNames.add(podName);
        }
        if (job != null) {
            jobs.add(
                    new JobModel(
                            job.name(),
                            job.namespace(),
                            job.completions(),
                            job.parallelism(),
                            job.backoffLimit(),
                            job.activeDeadlineSeconds(),
                            podNames));
        }
    }

    /**
     * Workloads constrain restartPolicy: Always for Deployments and DaemonSets, OnFailure or Never
     * for Jobs.
     */
    private static void checkRestartPolicy(YMap podSpec, SourceKind source, RestartPolicy policy) {
        if (source == SourceKind.JOB) {
            if (!podSpec.has("restartPolicy")) {
                podSpec.error("restartPolicy", "required: valid values: \"OnFailure\", \"Never\"");
            } else if (policy == RestartPolicy.ALWAYS) {
                podSpec.error(
                        "restartPolicy",
                        "unsupported value \"Always\": supported values: \"OnFailure\", \"Never\"");
            }
        } else if (policy != RestartPolicy.ALWAYS) {
            podSpec.error(
                    "restartPolicy",
                    "unsupported value \""
                            + policy.spelling()
                            + "\": supported values: \"Always\"");
        }
    }

    private void configMap(YMap m) {
        PodReader.Meta meta = PodReader.metadata(m, true, "default");
        Map<String, String> data = m.stringMap("data");
        Map<String, String> binary = m.stringMap("binaryData");
        checkKeys(m, "data", data);
        checkKeys(m, "binaryData", binary);
        binary.forEach(
                (k, v) -> {
                    if (data.containsKey(k)) {
                        m.get("binaryData")
                                .issues()
                                .error(
                                        m.get("binaryData").mark(),
                                        m.get("binaryData").pathTo(k),
                                        "duplicate of key present in data");
                    }
                    base64(m, "binaryData", k, v);
                });
        m.accept("immutable");
        m.finish();
        if (meta.name() != null && define("ConfigMap", meta, m)) {
            configMaps.add(new ConfigMapModel(meta.name(), meta.namespace(), data, binary));
        }
    }

    private void secret(YMap m) {
        PodReader.Meta meta = PodReader.metadata(m, true, "default");
        Map<String, String> data = m.stringMap("data");
        Map<String, String> strings = m.stringMap("stringData");
        checkKeys(m, "data", data);
        checkKeys(m, "stringData", strings);
        Map<String, String> merged = new LinkedHashMap<>();
        data.forEach(
                (k, v) -> {
                    if (base64(m, "data", k, v)) {
                        merged.put(k, v.replaceAll("\\s", ""));
                    }
                });
        // stringData is write-only convenience; the API server merges it into data, and it wins.
        strings.forEach(
                (k, v) ->
                        merged.put(
                                k,
                                Base64.getEncoder()
                                        .encodeToString(
                                                v.getBytes(
                                                        java.nio.charset.StandardCharsets.UTF_8))));
        String type = m.string("type");
        m.accept("immutable");
        m.finish();
        if (meta.name() != null && define("Secret", meta, m)) {
            secrets.add(
                    new SecretModel(
                            meta.name(), meta.namespace(), type == null ? "Opaque" : type, merged));
        }
    }

    private void claim(YMap m) {
        PodReader.Meta meta = PodReader.metadata(m, true, "default");
        YMap spec = m.map("spec");
        List<String> modes = List.of();
        Quantity storage = null;
        String storageClass = null;
        if (spec != null) {
            modes = spec.strings("accessModes") == null ? List.of() : spec.strings("accessModes");
            for (String mode : modes) {
                if (!List.of("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod")
                        .contains(mode)) {
                    spec.error(
                            "accessModes",
                            "unsupported value \""
                                    + mode
                                    + "\": supported values: \"ReadOnlyMany\", \"ReadWriteMany\","
                                    + " \"ReadWriteOnce\", \"ReadWriteOncePod\"");
                }
            }
            YMap resources = spec.map("resources");
            if (resources != null) {
                YMap requests = resources.map("requests");
                if (requests != null) {
                    storage = Values.quantity(requests, "storage");
                    requests.finish();
                }
                resources.accept("limits");
                resources.finish();
            }
            storageClass = spec.string("storageClassName");
            spec.accept(
                    "volumeMode",
                    "selector",
                    "volumeName",
                    "dataSource",
                    "dataSourceRef",
                    "volumeAttributesClassName");
            spec.finish();
        }
        m.accept("status");
        m.finish();
        if (meta.name() != null && define("PersistentVolumeClaim", meta, m)) {
            claims.add(new PvcModel(meta.name(), meta.namespace(), modes, storage, storageClass));
        }
    }

    private static void checkKeys(YMap m, String field, Map<String, String> data) {
        YNode node = m.get(field);
        data.keySet()
                .forEach(
                        k -> {
                            String error = Names.configKey(k);
                            if (error != null) {
                                // at the key itself, so that each bad key has its own line
                                YMap map = node.map();
                                YNode entry = map == null ? null : map.get(k);
                                node.issues()
                                        .error(
                                                entry == null ? node.mark() : entry.mark(),
                                                node.pathTo(k),
                                                error);
                            }
                        });
    }

    private static boolean base64(YMap m, String field, String key, String value) {
        try {
            Base64.getDecoder().decode(value.replaceAll("\\s", ""));
            return true;
        } catch (IllegalArgumentException e) {
            YNode node = m.get(field);
            node.issues().error(node.mark(), node.pathTo(key), "illegal base64 data");
            return false;
        }
    }

    private void add(PodModel pod, YMap at) {
        if (define("Pod", new PodReader.Meta(pod.name(), pod.namespace(), null, null), at)) {
            pods.add(pod);
        }
    }

    /** False, with an error, if an object of this kind and name was already defined. */
    private boolean define(String kind, PodReader.Meta meta, YMap at) {
        String key = kind + "/" + meta.namespace() + "/" + meta.name();
        YNode previous = defined.putIfAbsent(key, at.node());
        if (previous != null) {
            at.node()
                    .error(
                            kind
                                    + " \""
                                    + meta.name()
                                    + "\" is already defined at "
                                    + previous.mark().file()
                                    + ":"
                                    + previous.mark().line()
                                    + ":"
                                    + previous.mark().column());
            return false;
        }
        return true;
    }

    ManifestSet finish() {
        refs.check(configMaps, secrets, claims, diagnostics);
        return new ManifestSet(pods, configMaps, secrets, claims, diagnostics.notices(), jobs);
    }
}
