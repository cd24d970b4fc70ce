package io.jpod.model;

import io.jpod.model.yaml.YMap;
import io.jpod.model.yaml.YNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a pod's metadata and spec, from a Pod or from a workload's template. */
final class PodReader {

    /** The API server's limit on a resource's annotations, keys and values together. */
    private static final long MAX_ANNOTATION_BYTES = 256 * 1024;

    private static final String SCHEDULING =
            "scheduling does not apply on a single host; ignored by jpod";
    private static final String UNSUPPORTED = "not supported by jpod; ignored";

    private PodReader() {}

    /** Metadata a pod gets: a Pod's own, or a template's with the workload's namespace. */
    record Meta(
            String name,
            String namespace,
            Map<String, String> labels,
            Map<String, String> annotations) {}

    /** Reads object metadata; requireName is false for templates, whose name Kubernetes ignores. */
    static Meta metadata(YMap owner, boolean requireName, String namespaceFallback) {
        YMap m = owner.map("metadata");
        if (m == null) {
            if (requireName) {
                owner.missing("metadata");
            }
            return new Meta(null, namespaceFallback, new LinkedHashMap<>(), new LinkedHashMap<>());
        }
        String name = null;
        if (requireName) {
            name = m.string("name");
            String generate = m.string("generateName");
            if (name == null && generate != null) {
                name =
                        generate
                                + Integer.toHexString(
                                        generate.hashCode()
                                                & 0xfffff); // stable, unlike the server's random
                // suffix
                m.node().warn("generateName: using the name \"" + name + "\"");
            } else if (name == null) {
                m.missing("name");
            }
            if (name != null && Names.dnsSubdomain(name) != null) {
                m.error(m.has("name") ? "name" : "generateName", Names.dnsSubdomain(name));
            }
        } else {
            m.accept("name", "generateName");
        }
        String namespace = m.string("namespace");
        if (namespace != null && Names.dnsLabel(namespace) != null) {
            m.error("namespace", Names.dnsLabel(namespace));
        }
        Map<String, String> labels = m.stringMap("labels");
        labels.forEach(
                (k, v) -> {
                    String error =
                            Names.qualifiedKey(k) != null
                                    ? Names.qualifiedKey(k)
                                    : Names.labelValue(v);
                    if (error != null) {
                        m.map("labels").error(k, error);
                    }
                });
        Map<String, String> annotations = m.stringMap("annotations");
        long annotationBytes = 0;
        for (Map.Entry<String, String> a : annotations.entrySet()) {
            if (Names.qualifiedKey(a.getKey()) != null) {
                m.map("annotations").error(a.getKey(), Names.qualifiedKey(a.getKey()));
            }
            annotationBytes +=
                    a.getKey().getBytes(StandardCharsets.UTF_8).length
                            + a.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (annotationBytes > MAX_ANNOTATION_BYTES) {
            // the API server's limit, so that what plays here is what a cluster accepts
            m.error(
                    "annotations",
                    "too long: must have at most "
                            + MAX_ANNOTATION_BYTES
                            + " bytes, has "
                            + annotationBytes);
        }
        m.accept(
                "uid",
                "resourceVersion",
                "creationTimestamp",
                "generation",
                "managedFields",
                "selfLink",
                "ownerReferences",
                "finalizers",
                "deletionTimestamp",
                "deletionGracePeriodSeconds");
        m.finish();
        return new Meta(
                name, namespace != null ? namespace : namespaceFallback, labels, annotations);
    }

    static PodModel spec(
            YMap spec,
            Meta meta,
            SourceKind kind,
            String workloadName,
            String podName,
            References refs) {
        boolean hostNetwork = spec.flag("hostNetwork");
        boolean hostPID = spec.flag("hostPID");
        boolean hostIPC = spec.flag("hostIPC");
        boolean sharePid = spec.flag("shareProcessNamespace");
        if (sharePid && hostPID) {
            spec.error(
                    "shareProcessNamespace",
                    "ShareProcessNamespace and HostPID cannot both be enabled");
        }
        Boolean hostUsers = spec.bool("hostUsers");
        if (Boolean.FALSE.equals(hostUsers) && (hostNetwork || hostPID || hostIPC)) {
            spec.error(
                    "hostUsers",
                    "when `hostUsers` is false, `hostNetwork`, `hostPID` and `hostIPC` must be"
                            + " false");
        }
        YMap sec = spec.map("securityContext");
        PodSecurityModel security =
                sec == null ? PodSecurityModel.EMPTY : podSecurity(sec, hostNetwork, hostIPC);

        List<VolumeModel> volumes = new ArrayList<>();
        Set<String> volumeNames = new HashSet<>();
        for (YNode v : spec.items("volumes")) {
            VolumeModel volume = VolumeReader.read(v, meta.namespace(), refs);
            String name = v.isMapping() ? v.map().string("name") : null;
            if (name != null && !volumeNames.add(name)) {
                v.map().error("name", "duplicate volume name \"" + name + "\"");
            } else if (volume != null) {
                volumes.add(volume);
            }
        }
        PodScope scope =
                new PodScope(
                        meta.namespace(),
                        hostNetwork,
                        security,
                        volumeNames,
                        new HashMap<>(),
                        refs);
        List<ContainerModel> inits = containers(spec, "initContainers", true, scope);
        if (!spec.has("containers") || spec.items("containers").isEmpty()) {
            spec.missing("containers");
        }
        List<ContainerModel> containers = containers(spec, "containers", false, scope);
        checkUnique(spec, inits, containers);
        checkResourceRefs(spec, inits, containers, volumes);

        RestartPolicy restart =
                Values.enumValue(spec, "restartPolicy", RestartPolicy.class, RestartPolicy.ALWAYS);
        Long grace = spec.integer("terminationGracePeriodSeconds");
        if (grace != null && grace < 0) {
            spec.node()
                    .warn("terminationGracePeriodSeconds is negative; using 1, as Kubernetes does");
            grace = 1L;
        }
        String hostname = spec.string("hostname");
        if (hostname != null && Names.dnsLabel(hostname) != null) {
            spec.error("hostname", Names.dnsLabel(hostname));
        }
        String subdomain = spec.string("subdomain");
        if (subdomain != null && Names.dnsLabel(subdomain) != null) {
            spec.error("subdomain", Names.dnsLabel(subdomain));
        }
        boolean fqdn = spec.flag("setHostnameAsFQDN");
        String account = spec.string("serviceAccountName");
        String legacyAccount = spec.string("serviceAccount");
        if (account == null) {
            account =
                    legacyAccount != null
                            ? legacyAccount
                            : "default"; // what the ServiceAccount admission plugin sets
        }
        String nodeName = spec.string("nodeName");
        List<HostAlias> aliases = hostAliases(spec);
        DnsPolicy dnsPolicy =
                Values.enumValue(spec, "dnsPolicy", DnsPolicy.class, DnsPolicy.CLUSTER_FIRST);
        DnsConfig dnsConfig = dnsConfig(spec.map("dnsConfig"));
        if (dnsPolicy == DnsPolicy.NONE
                && (dnsConfig == null || dnsConfig.nameservers().isEmpty())) {
            spec.error(
                    "dnsConfig", "must provide at least one DNS nameserver when dnsPolicy is None");
        }
        spec.accept("automountServiceAccountToken", "enableServiceLinks");
        spec.unsupported(
                SCHEDULING,
                "nodeSelector",
                "affinity",
                "tolerations",
                "schedulerName",
                "priorityClassName",
                "priority",
                "preemptionPolicy",
                "topologySpreadConstraints",
                "schedulingGates",
                "readinessGates");
        spec.unsupported(
                UNSUPPORTED,
                "activeDeadlineSeconds",
                "runtimeClassName",
                "overhead",
                "resourceClaims",
                "imagePullSecrets",
                "ephemeralContainers",
                "os",
                "resources",
                "hostnameOverride");
        spec.finish();
        return new PodModel(
                kind,
                workloadName,
                podName,
                meta.namespace(),
                PodModel.uidFor(meta.namespace(), podName),
                meta.labels(),
                meta.annotations(),
                hostname != null ? hostname : PodModel.defaultHostname(podName),
                subdomain,
                fqdn,
                restart,
                grace == null ? 30 : grace,
                hostNetwork,
                hostPID,
                hostIPC,
                sharePid,
                hostUsers,
                account,
                nodeName,
                security,
                inits,
                containers,
                List.copyOf(volumes),
                aliases,
                dnsPolicy,
                dnsConfig);
    }

    private static List<ContainerModel> containers(
            YMap spec, String key, boolean init, PodScope scope) {
        List<ContainerModel> out = new ArrayList<>();
        for (YNode node : spec.items(key)) {
            ContainerModel c = ContainerReader.read(node, init, scope);
            if (c != null) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    /** Names are unique across init containers and containers, as the API server requires. */
    private static void checkUnique(
            YMap spec, List<ContainerModel> inits, List<ContainerModel> containers) {
        Set<String> seen = new HashSet<>();
        List<YNode> nodes = new ArrayList<>(spec.items("initContainers"));
        nodes.addAll(spec.items("containers"));
        List<ContainerModel> all = new ArrayList<>(inits);
        all.addAll(containers);
        // Readers drop containers that are not mappings; nodes and models line up on the mappings.
        List<YNode> mappings = nodes.stream().filter(YNode::isMapping).toList();
        for (int i = 0; i < all.size() && i < mappings.size(); i++) {
            String name = all.get(i).name();
            if (name != null && !seen.add(name)) {
                YNode nameNode = mappings.get(i).map().get("name");
                nameNode.error("duplicate container name \"" + name + "\"");
            }
        }
    }

    private static void checkResourceRefs(
            YMap spec,
            List<ContainerModel> inits,
            List<ContainerModel> containers,
            List<VolumeModel> volumes) {
        Set<String> names = new HashSet<>();
        inits.forEach(c -> names.add(c.name()));
        containers.forEach(c -> names.add(c.name()));
        List<String> referenced = new ArrayList<>();
        for (ContainerModel c :
                inits.isEmpty()
                        ? containers
                        : java.util.stream.Stream.concat(inits.stream(), containers.stream())
                                .toList()) {
            c.env().stream()
                    .filter(
                            e ->
                                    e.resourceFieldRef() != null
                                            && e.resourceFieldRef().containerName() != null)
                    .forEach(e -> referenced.add(e.resourceFieldRef().containerName()));
        }
        volumes.stream()
                .filter(v -> v instanceof VolumeModel.DownwardApi)
                .flatMap(v -> ((VolumeModel.DownwardApi) v).items().stream())
                .filter(
                        i ->
                                i.resourceFieldRef() != null
                                        && i.resourceFieldRef().containerName() != null)
                .forEach(i -> referenced.add(i.resourceFieldRef().containerName()));
        for (String name : referenced) {
            if (!names.contains(name)) {
                spec.node().error("resourceFieldRef: container \"" + name + "\" not found");
            }
        }
    }

    private static PodSecurityModel podSecurity(YMap m, boolean hostNetwork, boolean hostIPC) {
        Long user = Values.bounded(m, "runAsUser", 0, Integer.MAX_VALUE);
        Long group = Values.bounded(m, "runAsGroup", 0, Integer.MAX_VALUE);
        Boolean nonRoot = m.bool("runAsNonRoot");
        Long fsGroup = Values.bounded(m, "fsGroup", 0, Integer.MAX_VALUE);
        List<Long> groups = new ArrayList<>();
        for (YNode g : m.items("supplementalGroups")) {
            Long id = g.integer();
            if (id != null) {
                groups.add(id);
            }
        }
        Map<String, String> sysctls = new LinkedHashMap<>();
        for (YNode s : m.items("sysctls")) {
            YMap sm = s.map();
            if (sm != null) {
                String name = sm.requiredString("name");
                String value = sm.string("value");
                sm.finish();
                String error = name == null ? null : Sysctls.check(name, hostNetwork, hostIPC);
                if (error != null) {
                    sm.error("name", error);
                } else if (name != null && sysctls.containsKey(name)) {
                    sm.error("name", "duplicate sysctl \"" + name + "\"");
                } else if (name != null) {
                    sysctls.put(name, value == null ? "" : value);
                }
            }
        }
        String seccomp = ContainerReader.seccomp(m);
        m.accept(
                "fsGroupChangePolicy",
                "supplementalGroupsPolicy",
                "windowsOptions",
                "seLinuxChangePolicy");
        m.unsupported(UNSUPPORTED, "seLinuxOptions", "appArmorProfile");
        m.finish();
        return new PodSecurityModel(
                user, group, nonRoot, fsGroup, List.copyOf(groups), sysctls, seccomp);
    }

    private static List<HostAlias> hostAliases(YMap spec) {
        List<HostAlias> out = new ArrayList<>();
        for (YNode node : spec.items("hostAliases")) {
            YMap m = node.map();
            if (m == null) {
                continue;
            }
            String ip = m.requiredString("ip");
            if (ip != null && !isIp(ip)) {
                m.error("ip", "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
            }
            List<String> hostnames = m.strings("hostnames");
            m.finish();
            out.add(new HostAlias(ip, hostnames == null ? List.of() : hostnames));
        }
        return List.copyOf(out);
    }

    static boolean isIp(String s) {
        if (s.matches(
                "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}")) {
            return true;
        }
        return s.contains(":")
                && s.matches("[0-9A-Fa-f:.]+")
                && s.chars().filter(c -> c == ':').count() >= 2;
    }

    private static DnsConfig dnsConfig(YMap m) {
        if (m == null) {
            return null;
        }
        List<String> servers = m.strings("nameservers");
        if (servers != null && servers.size() > 3) {
            m.error("nameservers", "must not have more than 3 nameservers");
        }
        if (servers != null) {
            servers.stream()
                    .filter(s -> !isIp(s))
                    .forEach(
                            s ->
                                    m.error(
                                            "nameservers",
                                            "\"" + s + "\" must be a valid IP address"));
        }
        List<String> searches = m.strings("searches");
        if (searches != null && searches.size() > 32) {
            m.error("searches", "must not have more than 32 search paths");
        }
        List<DnsConfig.Option> options = new ArrayList<>();
        for (YNode o : m.items("options")) {
            YMap om = o.map();
            if (om != null) {
                options.add(new DnsConfig.Option(om.requiredString("name"), om.string("value")));
                om.finish();
            }
        }
        m.finish();
        return new DnsConfig(
                servers == null ? List.of() : servers,
                searches == null ? List.of() : searches,
                List.copyOf(options));
    }
}
