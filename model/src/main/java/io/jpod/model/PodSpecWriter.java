package io.jpod.model;

import static io.jpod.model.ManifestWriter.putIfSet;
import static io.jpod.model.ManifestWriter.putNonEmpty;
import static io.jpod.model.ManifestWriter.putUnlessDefault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Writes a pod spec as YAML-ready maps, leaving out what loading would default anyway. */
final class PodSpecWriter {
    private PodSpecWriter() {}

    static Map<String, Object> spec(PodModel pod, RestartPolicy restart) {
        Map<String, Object> s = new LinkedHashMap<>();
        putNonEmpty(
                s,
                "initContainers",
                pod.initContainers().stream()
                        .map(c -> container(c, pod.securityContext()))
                        .toList());
        s.put(
                "containers",
                pod.containers().stream().map(c -> container(c, pod.securityContext())).toList());
        putNonEmpty(s, "volumes", pod.volumes().stream().map(PodSpecWriter::volume).toList());
        putUnlessDefault(s, "restartPolicy", restart.spelling(), "Always");
        putUnlessDefault(
                s, "terminationGracePeriodSeconds", pod.terminationGracePeriodSeconds(), 30L);
        putUnlessDefault(s, "dnsPolicy", pod.dnsPolicy().spelling(), "ClusterFirst");
        if (pod.dnsConfig() != null) {
            Map<String, Object> dns = new LinkedHashMap<>();
            putNonEmpty(dns, "nameservers", pod.dnsConfig().nameservers());
            putNonEmpty(dns, "searches", pod.dnsConfig().searches());
            putNonEmpty(
                    dns,
                    "options",
                    pod.dnsConfig().options().stream()
                            .map(
                                    o -> {
                                        Map<String, Object> m = new LinkedHashMap<>();
                                        m.put("name", o.name());
                                        putIfSet(m, "value", o.value());
                                        return m;
                                    })
                            .toList());
            s.put("dnsConfig", dns);
        }
        putUnlessDefault(s, "serviceAccountName", pod.serviceAccountName(), "default");
        putIfSet(s, "nodeName", pod.nodeName());
        putUnlessDefault(s, "hostNetwork", pod.hostNetwork(), false);
        putUnlessDefault(s, "hostPID", pod.hostPID(), false);
        putUnlessDefault(s, "hostIPC", pod.hostIPC(), false);
        putUnlessDefault(s, "shareProcessNamespace", pod.shareProcessNamespace(), false);
        putIfSet(s, "hostUsers", pod.hostUsers());
        Map<String, Object> security = podSecurity(pod.securityContext());
        putNonEmpty(s, "securityContext", security);
        putUnlessDefault(s, "hostname", pod.hostname(), PodModel.defaultHostname(pod.name()));
        putIfSet(s, "subdomain", pod.subdomain());
        putUnlessDefault(s, "setHostnameAsFQDN", pod.setHostnameAsFQDN(), false);
        putNonEmpty(
                s,
                "hostAliases",
                pod.hostAliases().stream()
                        .map(
                                a -> {
                                    Map<String, Object> m = new LinkedHashMap<>();
                                    m.put("ip", a.ip());
                                    putNonEmpty(m, "hostnames", a.hostnames());
                                    return m;
                                })
                        .toList());
        return s;
    }

    private static Map<String, Object> container(ContainerModel c, PodSecurityModel pod) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("image", c.image());
        putUnlessDefault(
                m,
                "imagePullPolicy",
                c.imagePullPolicy().spelling(),
                ContainerModel.defaultPullPolicy(c.image()).spelling());
        putIfSet(m, "command", c.command());
        putIfSet(m, "args", c.args());
        putIfSet(m, "workingDir", c.workingDir());
        putNonEmpty(m, "ports", c.ports().stream().map(PodSpecWriter::port).toList());
        putNonEmpty(m, "envFrom", c.envFrom().stream().map(PodSpecWriter::envFrom).toList());
        putNonEmpty(m, "env", c.env().stream().map(PodSpecWriter::env).toList());
        Map<String, Object> resources = new LinkedHashMap<>();
        Map<String, Object> requests = new LinkedHashMap<>();
        // Requests equal to limits are what loading defaults them to. Sorted by TreeMaps: the
        // lambda of Map.Entry.comparingByKey is serializable, which no AOT cache holds.
        for (var e : new TreeMap<>(c.resources().requests()).entrySet()) {
            if (!e.getValue().equals(c.resources().limits().get(e.getKey()))) {
                requests.put(e.getKey(), e.getValue().text());
            }
        }
        Map<String, Object> limits = new LinkedHashMap<>();
        for (var e : new TreeMap<>(c.resources().limits()).entrySet()) {
            limits.put(e.getKey(), e.getValue().text());
        }
        putNonEmpty(resources, "limits", limits);
        putNonEmpty(resources, "requests", requests);
        putNonEmpty(m, "resources", resources);
        putNonEmpty(
                m, "volumeMounts", c.volumeMounts().stream().map(PodSpecWriter::mount).toList());
        putIfSet(m, "livenessProbe", probe(c.livenessProbe()));
        putIfSet(m, "readinessProbe", probe(c.readinessProbe()));
        putIfSet(m, "startupProbe", probe(c.startupProbe()));
        if (c.lifecycle() != null) {
            Map<String, Object> hooks = new LinkedHashMap<>();
            putIfSet(hooks, "postStart", action(c.lifecycle().postStart()));
            putIfSet(hooks, "preStop", action(c.lifecycle().preStop()));
            putIfSet(hooks, "stopSignal", c.lifecycle().stopSignal());
            m.put("lifecycle", hooks);
        }
        putNonEmpty(m, "securityContext", security(c.securityContext(), pod));
        putIfSet(
                m,
                "restartPolicy",
                c.restartPolicy() == null ? null : c.restartPolicy().spelling());
        putUnlessDefault(m, "tty", c.tty(), false);
        putUnlessDefault(m, "stdin", c.stdin(), false);
        putUnlessDefault(m, "stdinOnce", c.stdinOnce(), false);
        putUnlessDefault(
                m,
                "terminationMessagePath",
                c.terminationMessagePath(),
                ContainerModel.DEFAULT_TERMINATION_MESSAGE_PATH);
        if (c.fallbackToLogsOnError()) {
            m.put("terminationMessagePolicy", "FallbackToLogsOnError");
        }
        return m;
    }

    private static Map<String, Object> port(PortModel p) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfSet(m, "name", p.name());
        m.put("containerPort", p.containerPort());
        putUnlessDefault(m, "hostPort", p.hostPort(), 0);
        putIfSet(m, "hostIP", p.hostIP());
        putUnlessDefault(m, "protocol", p.protocol().spelling(), "TCP");
        return m;
    }

    private static Map<String, Object> envFrom(EnvFromModel e) {
        Map<String, Object> m = new LinkedHashMap<>();
        putUnlessDefault(m, "prefix", e.prefix(), "");
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("name", e.configMapName() != null ? e.configMapName() : e.secretName());
        putUnlessDefault(ref, "optional", e.optional(), false);
        m.put(e.configMapName() != null ? "configMapRef" : "secretRef", ref);
        return m;
    }

    private static Map<String, Object> env(EnvVarModel e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.name());
        Map<String, Object> from = new LinkedHashMap<>();
        putIfSet(
                from,
                "fieldRef",
                e.fieldRef() == null ? null : Map.of("fieldPath", e.fieldRef().fieldPath()));
        putIfSet(from, "resourceFieldRef", resourceFieldRef(e.resourceFieldRef()));
        putIfSet(from, "configMapKeyRef", keyRef(e.configMapKeyRef()));
        putIfSet(from, "secretKeyRef", keyRef(e.secretKeyRef()));
        if (from.isEmpty()) {
            m.put("value", e.value());
        } else {
            m.put("valueFrom", from);
        }
        return m;
    }

    private static Map<String, Object> resourceFieldRef(ResourceFieldRef r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        putIfSet(m, "containerName", r.containerName());
        m.put("resource", r.resource());
        putUnlessDefault(m, "divisor", r.divisor().text(), "1");
        return m;
    }

    private static Map<String, Object> keyRef(KeyRef r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("key", r.key());
        putUnlessDefault(m, "optional", r.optional(), false);
        return m;
    }

    private static Map<String, Object> mount(MountModel v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.volumeName());
        m.put("mountPath", v.mountPath());
        putIfSet(m, "subPath", v.subPath());
        putIfSet(m, "subPathExpr", v.subPathExpr());
        putUnlessDefault(m, "readOnly", v.readOnly(), false);
        putUnlessDefault(m, "mountPropagation", v.propagation().spelling(), "None");
        return m;
    }

    private static Map<String, Object> probe(ProbeModel p) {
        if (p == null) {
            return null;
        }
        Map<String, Object> m = action(p.action());
        putUnlessDefault(m, "initialDelaySeconds", p.initialDelaySeconds(), 0);
        putUnlessDefault(m, "periodSeconds", p.periodSeconds(), 10);
        putUnlessDefault(m, "timeoutSeconds", p.timeoutSeconds(), 1);
        putUnlessDefault(m, "successThreshold", p.successThreshold(), 1);
        putUnlessDefault(m, "failureThreshold", p.failureThreshold(), 3);
        putIfSet(m, "terminationGracePeriodSeconds", p.terminationGracePeriodSeconds());
        return m;
    }

    private static Map<String, Object> action(Action a) {
        if (a == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        switch (a) {
            case Action.Exec e -> m.put("exec", Map.of("command", e.command()));
            case Action.HttpGet h -> {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("path", h.path());
                g.put("port", portRef(h.port()));
                putIfSet(g, "host", h.host());
                putUnlessDefault(g, "scheme", h.scheme(), "HTTP");
                putNonEmpty(
                        g,
                        "httpHeaders",
                        h.headers().stream()
                                .map(x -> Map.of("name", x.name(), "value", x.value()))
                                .toList());
                m.put("httpGet", g);
            }
            case Action.TcpSocket t -> {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("port", portRef(t.port()));
                putIfSet(g, "host", t.host());
                m.put("tcpSocket", g);
            }
            case Action.Grpc g -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("port", g.port());
                putIfSet(r, "service", g.service());
                m.put("grpc", r);
            }
            case Action.Sleep s -> m.put("sleep", Map.of("seconds", s.seconds()));
        }
        return m;
    }

    private static Object portRef(PortRef p) {
        return p.name() != null ? p.name() : p.number();
    }

    /** Only what differs from the pod's context; loading merges the pod's values back in. */
    private static Map<String, Object> security(SecurityModel s, PodSecurityModel pod) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfSet(
                m,
                "runAsUser",
                Objects.equals(s.runAsUser(), pod.runAsUser()) ? null : s.runAsUser());
        putIfSet(
                m,
                "runAsGroup",
                Objects.equals(s.runAsGroup(), pod.runAsGroup()) ? null : s.runAsGroup());
        putIfSet(
                m,
                "runAsNonRoot",
                Objects.equals(s.runAsNonRoot(), pod.runAsNonRoot()) ? null : s.runAsNonRoot());
        putIfSet(m, "privileged", s.privileged());
        putIfSet(m, "readOnlyRootFilesystem", s.readOnlyRootFilesystem());
        putIfSet(m, "allowPrivilegeEscalation", s.allowPrivilegeEscalation());
        Map<String, Object> caps = new LinkedHashMap<>();
        putNonEmpty(caps, "add", s.capabilitiesAdd());
        putNonEmpty(caps, "drop", s.capabilitiesDrop());
        putNonEmpty(m, "capabilities", caps);
        putIfSet(
                m,
                "seccompProfile",
                Objects.equals(s.seccompProfile(), pod.seccompProfile())
                        ? null
                        : seccomp(s.seccompProfile()));
        putIfSet(m, "procMount", s.procMount());
        return m;
    }

    private static Map<String, Object> podSecurity(PodSecurityModel s) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIfSet(m, "runAsUser", s.runAsUser());
        putIfSet(m, "runAsGroup", s.runAsGroup());
        putIfSet(m, "runAsNonRoot", s.runAsNonRoot());
        putIfSet(m, "fsGroup", s.fsGroup());
        putNonEmpty(m, "supplementalGroups", s.supplementalGroups());
        List<Map<String, Object>> sysctls = new ArrayList<>();
        s.sysctls().forEach((k, v) -> sysctls.add(Map.of("name", k, "value", v)));
        putNonEmpty(m, "sysctls", sysctls);
        putIfSet(m, "seccompProfile", seccomp(s.seccompProfile()));
        return m;
    }

    private static Map<String, Object> seccomp(String profile) {
        if (profile == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        if (profile.startsWith("Localhost/")) {
            m.put("type", "Localhost");
            m.put("localhostProfile", profile.substring("Localhost/".length()));
        } else {
            m.put("type", profile);
        }
        return m;
    }

    private static Map<String, Object> volume(VolumeModel v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", v.name());
        switch (v) {
            case VolumeModel.HostPath h -> {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("path", h.path());
                putUnlessDefault(s, "type", h.type().spelling(), "");
                m.put("hostPath", s);
            }
            case VolumeModel.EmptyDir e -> {
                Map<String, Object> s = new LinkedHashMap<>();
                putUnlessDefault(s, "medium", e.medium(), "");
                putIfSet(s, "sizeLimit", e.sizeLimit() == null ? null : e.sizeLimit().text());
                m.put("emptyDir", s);
            }
            case VolumeModel.ConfigMap c ->
                    m.put(
                            "configMap",
                            projection(
                                    "name",
                                    c.configMapName(),
                                    c.items(),
                                    c.defaultMode(),
                                    c.optional()));
            case VolumeModel.Secret s ->
                    m.put(
                            "secret",
                            projection(
                                    "secretName",
                                    s.secretName(),
                                    s.items(),
                                    s.defaultMode(),
                                    s.optional()));
            case VolumeModel.Claim c -> {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("claimName", c.claimName());
                putUnlessDefault(s, "readOnly", c.readOnly(), false);
                m.put("persistentVolumeClaim", s);
            }
            case VolumeModel.DownwardApi d -> {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put(
                        "items",
                        d.items().stream()
                                .map(
                                        i -> {
                                            Map<String, Object> item = new LinkedHashMap<>();
                                            item.put("path", i.path());
                                            putIfSet(
                                                    item,
                                                    "fieldRef",
                                                    i.fieldRef() == null
                                                            ? null
                                                            : Map.of(
                                                                    "fieldPath",
                                                                    i.fieldRef().fieldPath()));
                                            putIfSet(
                                                    item,
                                                    "resourceFieldRef",
                                                    resourceFieldRef(i.resourceFieldRef()));
                                            putIfSet(item, "mode", i.mode());
                                            return item;
                                        })
                                .toList());
                putIfSet(s, "defaultMode", d.defaultMode());
                m.put("downwardAPI", s);
            }
            case VolumeModel.Projected p -> {
                Map<String, Object> s = new LinkedHashMap<>();
                List<Map<String, Object>> sources = new ArrayList<>();
                for (VolumeModel source : p.sources()) {
                    // a source is written as its own volume would be, less the mode the
                    // projected volume holds and with the name a projection spells "name"
                    Map<String, Object> one = volume(source);
                    one.remove("name");
                    for (Object body : one.values()) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> fields = (Map<String, Object>) body;
                        fields.remove("defaultMode");
                        Object secretName = fields.remove("secretName");
                        if (secretName != null) {
                            Map<String, Object> renamed = new LinkedHashMap<>();
                            renamed.put("name", secretName);
                            renamed.putAll(fields);
                            fields.clear();
                            fields.putAll(renamed);
                        }
                    }
                    sources.add(one);
                }
                s.put("sources", sources);
                putIfSet(s, "defaultMode", p.defaultMode());
                m.put("projected", s);
            }
        }
        return m;
    }

    private static Map<String, Object> projection(
            String nameKey, String name, List<KeyToPath> items, Integer mode, boolean optional) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put(nameKey, name);
        putNonEmpty(
                s,
                "items",
                items.stream()
                        .map(
                                i -> {
                                    Map<String, Object> item = new LinkedHashMap<>();
                                    item.put("key", i.key());
                                    item.put("path", i.path());
                                    putIfSet(item, "mode", i.mode());
                                    return item;
                                })
                        .toList());
        putIfSet(s, "defaultMode", mode);
        putUnlessDefault(s, "optional", optional, false);
        return s;
    }
}
