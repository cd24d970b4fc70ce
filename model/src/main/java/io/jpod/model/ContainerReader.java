package io.jpod.model;

import io.jpod.model.References.Target;
import io.jpod.model.yaml.YMap;
import io.jpod.model.yaml.YNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one container and checks it as the API server would. */
final class ContainerReader {
    private ContainerReader() {}

    static ContainerModel read(YNode node, boolean init, PodScope pod) {
        YMap m = node.map();
        if (m == null) {
            return null;
        }
        String name = Values.name(m, "name", Names::dnsLabel);
        String image = m.requiredString("image");
        PullPolicy pull = Values.enumValue(m, "imagePullPolicy", PullPolicy.class, null);
        if (pull == null && image != null) {
            pull = ContainerModel.defaultPullPolicy(image);
        }
        List<String> command = m.strings("command");
        List<String> args = m.strings("args");
        String workingDir = m.string("workingDir");
        List<PortModel> ports = ports(m, name, pod);
        List<EnvVarModel> env = env(m, pod);
        List<EnvFromModel> envFrom = envFrom(m, pod);
        YMap sec = m.map("securityContext");
        SecurityModel security = sec == null ? SecurityModel.EMPTY : security(sec);
        List<MountModel> mounts = mounts(m, pod, security.isPrivileged());
        security = security.mergedWith(pod.security());
        if (Boolean.TRUE.equals(security.runAsNonRoot())
                && Long.valueOf(0).equals(security.runAsUser())) {
            String message = "runAsNonRoot is true but runAsUser is 0 (root)";
            if (sec != null && sec.has("runAsUser")) {
                sec.error("runAsUser", message);
            } else {
                m.node().error(message);
            }
        }
        YMap res = m.map("resources");
        ResourcesModel resources = res == null ? ResourcesModel.NONE : resources(res);
        RestartPolicy restart = Values.enumValue(m, "restartPolicy", RestartPolicy.class, null);
        boolean sidecar = restart == RestartPolicy.ALWAYS;
        if (restart != null && (!init || restart != RestartPolicy.ALWAYS)) {
            m.error(
                    "restartPolicy",
                    init
                            ? "supported values: \"Always\" (a sidecar)"
                            : "only init containers may set restartPolicy");
        }
        ProbeModel liveness = probe(m, "livenessProbe", true, ports, init && !sidecar);
        ProbeModel readiness = probe(m, "readinessProbe", false, ports, init && !sidecar);
        ProbeModel startup = probe(m, "startupProbe", true, ports, init && !sidecar);
        YMap hooks = m.map("lifecycle");
        if (hooks != null && init && !sidecar) {
            m.error("lifecycle", "must not be set for init containers");
        }
        LifecycleModel lifecycle = hooks == null ? null : ProbeReader.lifecycle(hooks, ports);
        boolean tty = m.flag("tty");
        boolean stdin = m.flag("stdin");
        boolean stdinOnce = m.flag("stdinOnce");
        String terminationPath = m.string("terminationMessagePath");
        if (terminationPath != null && !terminationPath.startsWith("/")) {
            m.error("terminationMessagePath", "must be an absolute path");
        }
        String terminationPolicy = m.string("terminationMessagePolicy");
        if (terminationPolicy != null
                && !terminationPolicy.equals("File")
                && !terminationPolicy.equals("FallbackToLogsOnError")) {
            m.error(
                    "terminationMessagePolicy",
                    "unsupported value \""
                            + terminationPolicy
                            + "\": supported values: \"FallbackToLogsOnError\", \"File\"");
        }
        m.accept("resizePolicy");
        m.unsupported("not supported by jpod; ignored", "volumeDevices", "restartPolicyRules");
        m.finish();
        return new ContainerModel(
                name,
                image,
                pull,
                command,
                args,
                workingDir,
                ports,
                env,
                envFrom,
                mounts,
                security,
                resources,
                liveness,
                readiness,
                startup,
                lifecycle,
                restart,
                tty,
                stdin,
                stdinOnce,
                terminationPath == null || terminationPath.isEmpty()
                        ? ContainerModel.DEFAULT_TERMINATION_MESSAGE_PATH
                        : terminationPath,
                "FallbackToLogsOnError".equals(terminationPolicy));
    }

    private static ProbeModel probe(
            YMap m, String key, boolean successOne, List<PortModel> ports, boolean forbidden) {
        YMap p = m.map(key);
        if (p == null) {
            return null;
        }
        if (forbidden) {
            m.error(key, "must not be set for init containers");
        }
        return ProbeReader.probe(p, successOne, ports);
    }

    private static List<PortModel> ports(YMap m, String container, PodScope pod) {
        List<PortModel> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YNode item : m.items("ports")) {
            YMap p = item.map();
            if (p == null) {
                continue;
            }
            String name = p.string("name");
            if (name != null) {
                String error = Names.portName(name);
                if (error != null) {
                    p.error("name", error);
                } else if (!names.add(name)) {
                    p.error("name", "duplicate port name \"" + name + "\"");
                }
            }
            Long containerPort = Values.bounded(p, "containerPort", 1, 65535);
            Long hostPort = Values.bounded(p, "hostPort", 0, 65535);
            if (!p.has("containerPort")) {
                if (hostPort != null && hostPort > 0) {
                    // podman play kube accepts this; Kubernetes would reject it, so say what jpod
                    // assumes.
                    item.warn(
                            "containerPort missing; using hostPort "
                                    + hostPort
                                    + " (Kubernetes requires containerPort)");
                    containerPort = hostPort;
                } else {
                    p.missing("containerPort");
                }
            }
            if (pod.hostNetwork() && containerPort != null) {
                if (hostPort == null || hostPort == 0) {
                    hostPort = containerPort; // the API server's default for hostNetwork pods
                } else if (!hostPort.equals(containerPort)) {
                    p.error("hostPort", "must match containerPort when hostNetwork is true");
                }
            }
            Protocol protocol = Values.enumValue(p, "protocol", Protocol.class, Protocol.TCP);
            String hostIP = p.string("hostIP");
            p.finish();
            if (hostPort != null && hostPort > 0) {
                // Kubernetes rejects two ports on the same host port, protocol and address anywhere
                // in the pod.
                String key =
                        hostPort
                                + "/"
                                + protocol.spelling()
                                + (hostIP == null ? "" : " on " + hostIP);
                String owner = pod.hostPorts().putIfAbsent(key, container);
                if (owner != null) {
                    p.error(
                            "hostPort",
                            "duplicate hostPort "
                                    + key
                                    + ", already used by container \""
                                    + owner
                                    + "\"");
                }
            }
            if (containerPort != null) {
                out.add(
                        new PortModel(
                                name,
                                containerPort.intValue(),
                                hostPort == null ? 0 : hostPort.intValue(),
                                hostIP,
                                protocol));
            }
        }
        return List.copyOf(out);
    }

    private static List<EnvVarModel> env(YMap m, PodScope pod) {
        List<EnvVarModel> out = new ArrayList<>();
        for (YNode item : m.items("env")) {
            YMap e = item.map();
            if (e == null) {
                continue;
            }
            String name = Values.name(e, "name", Names::envName);
            String value = e.string("value");
            YMap from = e.map("valueFrom");
            e.finish();
            if (from == null) {
                out.add(EnvVarModel.literal(name, value == null ? "" : value));
                continue;
            }
            if (value != null && !value.isEmpty()) {
                e.error("valueFrom", "may not be specified when `value` is not empty");
            }
            FieldRef fieldRef = fieldRef(from.map("fieldRef"), false);
            ResourceFieldRef resourceRef = resourceFieldRef(from.map("resourceFieldRef"), false);
            KeyRef cmRef = keyRef(from, "configMapKeyRef", Target.CONFIG_MAP, pod);
            KeyRef secretRef = keyRef(from, "secretKeyRef", Target.SECRET, pod);
            long sources =
                    java.util.stream.Stream.of(
                                    "fieldRef",
                                    "resourceFieldRef",
                                    "configMapKeyRef",
                                    "secretKeyRef")
                            .filter(from::has)
                            .count();
            if (sources == 0) {
                from.node()
                        .error(
                                "must specify one of: `fieldRef`, `resourceFieldRef`,"
                                        + " `configMapKeyRef` or `secretKeyRef`");
            } else if (sources > 1) {
                from.node().error("may not have more than one field specified at a time");
            }
            from.unsupported("not supported by jpod; ignored", "fileKeyRef");
            from.finish();
            out.add(new EnvVarModel(name, null, fieldRef, resourceRef, cmRef, secretRef));
        }
        return List.copyOf(out);
    }

    static FieldRef fieldRef(YMap m, boolean forVolume) {
        if (m == null) {
            return null;
        }
        String path = m.requiredString("fieldPath");
        String apiVersion = m.string("apiVersion");
        if (apiVersion != null && !apiVersion.equals("v1")) {
            m.error(
                    "apiVersion",
                    "unsupported value \"" + apiVersion + "\": supported values: \"v1\"");
        }
        m.finish();
        if (path == null) {
            return null;
        }
        String error = FieldPaths.checkField(path, forVolume);
        if (error != null) {
            m.error("fieldPath", error);
            return null;
        }
        return new FieldRef(path);
    }

    static ResourceFieldRef resourceFieldRef(YMap m, boolean forVolume) {
        if (m == null) {
            return null;
        }
        String container =
                forVolume ? m.requiredString("containerName") : m.string("containerName");
        String resource = m.requiredString("resource");
        Quantity divisor = Values.quantity(m, "divisor");
        m.finish();
        if (resource == null) {
            return null;
        }
        String error = FieldPaths.checkResource(resource, divisor);
        if (error != null) {
            m.error(
                    divisor != null && FieldPaths.RESOURCES.contains(resource)
                            ? "divisor"
                            : "resource",
                    error);
            return null;
        }
        return new ResourceFieldRef(
                container, resource, divisor == null ? new Quantity("1") : divisor);
    }

    private static KeyRef keyRef(YMap from, String field, Target target, PodScope pod) {
        YMap r = from.map(field);
        if (r == null) {
            return null;
        }
        String name = Values.name(r, "name", Names::dnsSubdomain);
        String key = Values.name(r, "key", Names::configKey);
        boolean optional = r.flag("optional");
        r.finish();
        pod.refs().add(target, pod.namespace(), name, key, optional, r.node());
        return name == null || key == null ? null : new KeyRef(name, key, optional);
    }

    private static List<EnvFromModel> envFrom(YMap m, PodScope pod) {
        List<EnvFromModel> out = new ArrayList<>();
        for (YNode item : m.items("envFrom")) {
            YMap e = item.map();
            if (e == null) {
                continue;
            }
            String prefix = e.string("prefix");
            if (prefix != null && Names.envName(prefix) != null && !prefix.isEmpty()) {
                e.error("prefix", Names.envName(prefix));
            }
            String cm = null;
            String secret = null;
            boolean optional = false;
            for (String field : List.of("configMapRef", "secretRef")) {
                YMap r = e.map(field);
                if (r == null) {
                    continue;
                }
                String name = Values.name(r, "name", Names::dnsSubdomain);
                optional = r.flag("optional");
                r.finish();
                boolean isCm = field.equals("configMapRef");
                pod.refs()
                        .add(
                                isCm ? Target.CONFIG_MAP : Target.SECRET,
                                pod.namespace(),
                                name,
                                null,
                                optional,
                                r.node());
                if (isCm) {
                    cm = name;
                } else {
                    secret = name;
                }
            }
            if (e.has("configMapRef") == e.has("secretRef")) {
                e.node()
                        .error(
                                e.has("configMapRef")
                                        ? "may not have more than one field specified at a time"
                                        : "must specify one of: `configMapRef` or `secretRef`");
            }
            e.finish();
            out.add(new EnvFromModel(prefix == null ? "" : prefix, cm, secret, optional));
        }
        return List.copyOf(out);
    }

    private static List<MountModel> mounts(YMap m, PodScope pod, boolean privileged) {
        List<MountModel> out = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (YNode item : m.items("volumeMounts")) {
            YMap v = item.map();
            if (v == null) {
                continue;
            }
            String name = v.requiredString("name");
            if (name != null && !pod.volumeNames().contains(name)) {
                v.error("name", "volume \"" + name + "\" not found in spec.volumes");
            }
            String path = v.requiredString("mountPath");
            if (path != null && !paths.add(path)) {
                v.error("mountPath", "must be unique: \"" + path + "\" is mounted more than once");
            }
            String subPath = v.string("subPath");
            if (subPath != null && !subPath.isEmpty() && Names.relativePath(subPath) != null) {
                v.error("subPath", Names.relativePath(subPath));
            }
            String subPathExpr = v.string("subPathExpr");
            if (subPathExpr != null && subPathExpr.isEmpty()) {
                subPathExpr = null;
            }
            if (subPathExpr != null && subPath != null && !subPath.isEmpty()) {
                v.error("subPathExpr", "subPathExpr and subPath are mutually exclusive");
            } else if (subPathExpr != null && Names.relativePath(subPathExpr) != null) {
                v.error("subPathExpr", Names.relativePath(subPathExpr));
            }
            boolean readOnly = v.flag("readOnly");
            MountPropagation propagation =
                    Values.enumValue(
                            v, "mountPropagation", MountPropagation.class, MountPropagation.NONE);
            if (propagation == MountPropagation.BIDIRECTIONAL && !privileged) {
                v.error(
                        "mountPropagation",
                        "Bidirectional mount propagation is available only to privileged"
                                + " containers");
            }
            v.unsupported("not supported by jpod; ignored", "recursiveReadOnly");
            v.finish();
            out.add(
                    new MountModel(
                            name,
                            path,
                            subPath == null || subPath.isEmpty() ? null : subPath,
                            readOnly,
                            propagation,
                            subPathExpr));
        }
        return List.copyOf(out);
    }

    private static SecurityModel security(YMap m) {
        Long user = Values.bounded(m, "runAsUser", 0, Integer.MAX_VALUE);
        Long group = Values.bounded(m, "runAsGroup", 0, Integer.MAX_VALUE);
        Boolean nonRoot = m.bool("runAsNonRoot");
        Boolean privileged = m.bool("privileged");
        Boolean readOnlyRoot = m.bool("readOnlyRootFilesystem");
        Boolean escalation = m.bool("allowPrivilegeEscalation");
        if (Boolean.TRUE.equals(privileged) && Boolean.FALSE.equals(escalation)) {
            m.error(
                    "allowPrivilegeEscalation",
                    "cannot set allowPrivilegeEscalation to false and privileged to true");
        }
        List<String> add = List.of();
        List<String> drop = List.of();
        YMap caps = m.map("capabilities");
        if (caps != null) {
            add = orEmpty(caps.strings("add"));
            drop = orEmpty(caps.strings("drop"));
            caps.finish();
        }
        String seccomp = seccomp(m);
        String procMount = m.string("procMount");
        if (procMount != null && !procMount.equals("Default") && !procMount.equals("Unmasked")) {
            m.error(
                    "procMount",
                    "unsupported value \""
                            + procMount
                            + "\": supported values: \"Default\", \"Unmasked\"");
            procMount = null;
        }
        m.accept("windowsOptions");
        m.unsupported("not supported by jpod; ignored", "seLinuxOptions", "appArmorProfile");
        m.finish();
        return new SecurityModel(
                user,
                group,
                nonRoot,
                privileged,
                readOnlyRoot,
                escalation,
                add,
                drop,
                seccomp,
                procMount);
    }

    /** {@code RuntimeDefault}, {@code Unconfined}, {@code Localhost/<profile>}, or null. */
    static String seccomp(YMap m) {
        YMap s = m.map("seccompProfile");
        if (s == null) {
            return null;
        }
        String type = s.requiredString("type");
        String local = s.string("localhostProfile");
        s.finish();
        if (type == null) {
            return null;
        }
        switch (type) {
            case "RuntimeDefault", "Unconfined" -> {
                if (local != null) {
                    s.error("localhostProfile", "can only be set if type is \"Localhost\"");
                }
                return type;
            }
            case "Localhost" -> {
                if (local == null) {
                    s.missing("localhostProfile");
                    return null;
                }
                return "Localhost/" + local;
            }
            default -> {
                s.error(
                        "type",
                        "unsupported value \""
                                + type
                                + "\": supported values: \"Localhost\", \"RuntimeDefault\","
                                + " \"Unconfined\"");
                return null;
            }
        }
    }

    private static ResourcesModel resources(YMap m) {
        Map<String, Quantity> limits = quantities(m.map("limits"));
        Map<String, Quantity> requests = quantities(m.map("requests"));
        for (var limit : limits.entrySet()) {
            Quantity request = requests.get(limit.getKey());
            if (request == null) {
                requests.put(
                        limit.getKey(),
                        limit.getValue()); // the API server defaults requests to limits
            } else if (request.value().compareTo(limit.getValue().value()) > 0) {
                m.error(
                        "requests",
                        "must be less than or equal to "
                                + limit.getKey()
                                + " limit of "
                                + limit.getValue());
            }
        }
        m.unsupported("not supported by jpod; ignored", "claims");
        m.finish();
        return new ResourcesModel(Map.copyOf(requests), Map.copyOf(limits));
    }

    private static Map<String, Quantity> quantities(YMap m) {
        Map<String, Quantity> out = new LinkedHashMap<>();
        if (m == null) {
            return out;
        }
        for (String key : m.keys()) {
            YNode v = m.get(key);
            if (v == null) {
                continue;
            }
            if (!key.equals("cpu")
                    && !key.equals("memory")
                    && !key.equals("ephemeral-storage")
                    && !key.startsWith("hugepages-")
                    && !key.contains("/")) {
                v.error(
                        "unsupported resource name \""
                                + key
                                + "\": must be cpu, memory, ephemeral-storage, hugepages-<size>"
                                + " or a fully qualified name");
                continue;
            }
            Quantity q = Values.quantity(v);
            if (q != null && q.value().signum() < 0) {
                v.error("must be greater than or equal to 0");
            } else if (q != null) {
                out.put(key, q);
            }
        }
        return out;
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
