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
                    "downwardAPI");
    private static final List<String> OTHER_SOURCES =
            List.of(
                    "projected",
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
}
