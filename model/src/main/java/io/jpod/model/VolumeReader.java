package io.jpod.model;

import io.jpod.model.References.Target;
import io.jpod.model.yaml.YMap;
import io.jpod.model.yaml.YNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads spec.volumes. */
final class VolumeReader {
    private static final Set<String> SUPPORTED =
            Set.of(
                    "hostPath",
                    "emptyDir",
                    "configMap",
                    "secret",
                    "persistentVolumeClaim",
                    "downwardAPI",
                    "projected");
    private static final List<String> OTHER_SOURCES =
            List.of(
                    "ephemeral",
                    "nfs",
                    "csi",
                    "iscsi",
                    "awsElasticBlockStore",
                    "gcePersistentDisk",
                    "azureDisk",
                    "azureFile",
                    "cephfs",
                    "cinder",
                    "fc",
                    "flexVolume",
                    "flocker",
                    "gitRepo",
                    "glusterfs",
                    "image",
                    "photonPersistentDisk",
                    "portworxVolume",
                    "quobyte",
                    "rbd",
                    "scaleIO",
                    "storageos",
                    "vsphereVolume");

    private VolumeReader() {}

    static VolumeModel read(YNode node, String namespace, References refs) {
        YMap m = node.map();
        if (m == null) {
            return null;
        }
        String name = Values.name(m, "name", Names::dnsLabel);
        List<String> sources = new ArrayList<>();
        for (String key : m.keys()) {
            if (!key.equals("name")
                    && (SUPPORTED.contains(key) || OTHER_SOURCES.contains(key))
                    && m.has(key)) {
                sources.add(key);
            }
        }
        OTHER_SOURCES.forEach(m::accept);
        SUPPORTED.forEach(m::accept);
        m.finish();
        if (sources.size() > 1) {
            node.error("may not specify more than 1 volume type");
            return null;
        }
        if (sources.isEmpty()) {
            return name == null
                    ? null
                    : new VolumeModel.EmptyDir(name, "", null); // the API server's default
        }
        String source = sources.get(0);
        YMap s = m.map(source);
        if (s == null) {
            return null;
        }
        VolumeModel volume =
                switch (source) {
                    case "hostPath" -> hostPath(name, s);
                    case "emptyDir" -> emptyDir(name, s);
                    case "configMap" -> configMap(name, s, namespace, refs);
                    case "secret" -> secret(name, s, namespace, refs);
                    case "persistentVolumeClaim" -> claim(name, s, namespace, refs);
                    case "downwardAPI" -> downwardApi(name, s);
                    case "projected" -> projected(name, s, namespace, refs);
                    default -> {
                        m.node()
                                .warn(
                                        source
                                                + " volumes are not supported by jpod; \""
                                                + name
                                                + "\" is an empty directory instead");
                        yield new VolumeModel.EmptyDir(name, "", null);
                    }
                };
        if (SUPPORTED.contains(source)) {
            s.finish();
        }
        return name == null ? null : volume;
    }

    private static VolumeModel hostPath(String name, YMap s) {
        String path = s.requiredString("path");
        if (path != null && List.of(path.split("/")).contains("..")) {
            s.error("path", "must not contain '..'");
        }
        HostPathType type = Values.enumValue(s, "type", HostPathType.class, HostPathType.UNSET);
        return new VolumeModel.HostPath(name, path, type);
    }

    private static VolumeModel emptyDir(String name, YMap s) {
        String medium = s.string("medium");
        if (medium != null && !medium.isEmpty() && !medium.equals("Memory")) {
            s.error(
                    "medium",
                    "unsupported value \"" + medium + "\": supported values: \"\", \"Memory\"");
            medium = "";
        }
        Quantity size = Values.quantity(s, "sizeLimit");
        return new VolumeModel.EmptyDir(name, medium == null ? "" : medium, size);
    }

    private static VolumeModel configMap(String name, YMap s, String namespace, References refs) {
        String cm = Values.name(s, "name", Names::dnsSubdomain);
        boolean optional = s.flag("optional");
        List<KeyToPath> items = items(s, Target.CONFIG_MAP, namespace, cm, optional, refs);
        refs.add(Target.CONFIG_MAP, namespace, cm, null, optional, s.node());
        return new VolumeModel.ConfigMap(name, cm, items, Values.mode(s, "defaultMode"), optional);
    }

    private static VolumeModel secret(String name, YMap s, String namespace, References refs) {
        String secret = Values.name(s, "secretName", Names::dnsSubdomain);
        boolean optional = s.flag("optional");
        List<KeyToPath> items = items(s, Target.SECRET, namespace, secret, optional, refs);
        refs.add(Target.SECRET, namespace, secret, null, optional, s.node());
        return new VolumeModel.Secret(name, secret, items, Values.mode(s, "defaultMode"), optional);
    }

    private static List<KeyToPath> items(
            YMap s,
            Target target,
            String namespace,
            String source,
            boolean optional,
            References refs) {
        List<KeyToPath> out = new ArrayList<>();
        for (YNode item : s.items("items")) {
            YMap i = item.map();
            if (i == null) {
                continue;
            }
            String key = Values.name(i, "key", Names::configKey);
            String path = i.requiredString("path");
            if (path != null && Names.relativePath(path) != null) {
                i.error("path", Names.relativePath(path));
            }
            Integer mode = Values.mode(i, "mode");
            i.finish();
            refs.add(target, namespace, source, key, optional, i.node());
            out.add(new KeyToPath(key, path, mode));
        }
        return List.copyOf(out);
    }

    private static VolumeModel claim(String name, YMap s, String namespace, References refs) {
        String claim = Values.name(s, "claimName", Names::dnsSubdomain);
        refs.add(Target.CLAIM, namespace, claim, null, false, s.node());
        return new VolumeModel.Claim(name, claim, s.flag("readOnly"));
    }

    private static VolumeModel downwardApi(String name, YMap s) {
        List<DownwardItem> out = new ArrayList<>();
        for (YNode item : s.items("items")) {
            YMap i = item.map();
            if (i == null) {
                continue;
            }
            String path = i.requiredString("path");
            if (path != null && Names.relativePath(path) != null) {
                i.error("path", Names.relativePath(path));
            }
            FieldRef field = ContainerReader.fieldRef(i.map("fieldRef"), true);
            ResourceFieldRef resource =
                    ContainerReader.resourceFieldRef(i.map("resourceFieldRef"), true);
            if (i.has("fieldRef") == i.has("resourceFieldRef")) {
                i.node().error("must specify exactly one of fieldRef and resourceFieldRef");
            }
            Integer mode = Values.mode(i, "mode");
            i.finish();
            out.add(new DownwardItem(path, field, resource, mode));
        }
        return new VolumeModel.DownwardApi(name, List.copyOf(out), Values.mode(s, "defaultMode"));
    }

    /**
     * A projected volume's sources, each read as the volume of its kind would be; the mode comes
     * from the projected volume, which is where Kubernetes has defaultMode.
     */
    private static VolumeModel projected(String name, YMap s, String namespace, References refs) {
        Integer mode = Values.mode(s, "defaultMode");
        List<VolumeModel> sources = new ArrayList<>();
        for (YNode item : s.items("sources")) {
            YMap src = item.map();
            if (src == null) {
                continue;
            }
            List<String> kinds =
                    src.keys().stream().filter(k -> PROJECTIONS.contains(k) && src.has(k)).toList();
            if (kinds.size() != 1) {
                item.error(
                        kinds.isEmpty()
                                ? "must specify one of: `configMap`, `secret`, `downwardAPI` or"
                                        + " `serviceAccountToken`"
                                : "may not specify more than 1 projection type");
                PROJECTIONS.forEach(src::accept);
                src.finish();
                continue;
            }
            String kind = kinds.get(0);
            YMap p = src.map(kind);
            src.finish();
            if (p == null) {
                continue;
            }
            if (p.has("defaultMode")) {
                p.error(
                        "defaultMode",
                        "not allowed in a projection: set it on the projected volume");
            }
            VolumeModel source =
                    switch (kind) {
                        case "configMap" -> {
                            var c = (VolumeModel.ConfigMap) configMap(name, p, namespace, refs);
                            yield new VolumeModel.ConfigMap(
                                    name, c.configMapName(), c.items(), mode, c.optional());
                        }
                        case "secret" -> {
                            var c = secretProjection(name, p, namespace, refs);
                            yield new VolumeModel.Secret(
                                    name, c.secretName(), c.items(), mode, c.optional());
                        }
                        case "downwardAPI" -> {
                            var d = (VolumeModel.DownwardApi) downwardApi(name, p);
                            yield new VolumeModel.DownwardApi(name, d.items(), mode);
                        }
                        default -> {
                            p.node()
                                    .warn(
                                            kind
                                                    + " projections are not supported by jpod"
                                                    + " (there is no API server to issue them);"
                                                    + " ignored");
                            p.accept(p.keys().toArray(String[]::new));
                            yield null;
                        }
                    };
            p.finish();
            if (source != null) {
                sources.add(source);
            }
        }
        return new VolumeModel.Projected(name, List.copyOf(sources), mode);
    }

    /** A secret projection names its Secret {@code name}, not {@code secretName}. */
    private static VolumeModel.Secret secretProjection(
            String name, YMap s, String namespace, References refs) {
        String secret = Values.name(s, "name", Names::dnsSubdomain);
        boolean optional = s.flag("optional");
        List<KeyToPath> items = items(s, Target.SECRET, namespace, secret, optional, refs);
        refs.add(Target.SECRET, namespace, secret, null, optional, s.node());
        return new VolumeModel.Secret(name, secret, items, null, optional);
    }

    private static final List<String> PROJECTIONS =
            List.of(
                    "configMap",
                    "secret",
                    "downwardAPI",
                    "serviceAccountToken",
                    "clusterTrustBundle",
                    "podCertificate");
}
