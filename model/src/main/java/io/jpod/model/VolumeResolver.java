package io.jpod.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns a pod volume into what the runtime provides, reading ConfigMaps and Secrets as the kubelet
 * does.
 */
public final class VolumeResolver {
    /** Kubernetes' default mode for projected files. */
    public static final int DEFAULT_MODE = 0644;

    private VolumeResolver() {}

    public static ResolvedVolume resolve(
            PodModel pod, VolumeModel volume, PodContext ctx, ManifestSet refs)
            throws ManifestException {
        return switch (volume) {
            case VolumeModel.HostPath h -> new ResolvedVolume.HostPath(h.path(), h.type());
            case VolumeModel.EmptyDir e -> new ResolvedVolume.EmptyDir(e.medium(), e.sizeLimit());
            case VolumeModel.Claim c -> new ResolvedVolume.Claim(c.claimName(), c.readOnly());
            case VolumeModel.ConfigMap c -> {
                var cm = refs.configMap(pod.namespace(), c.configMapName());
                if (cm.isEmpty()) {
                    yield missing(volume, "ConfigMap", c.configMapName(), c.optional());
                }
                TreeSet<String> keys = new TreeSet<>(cm.get().data().keySet());
                keys.addAll(cm.get().binaryData().keySet());
                yield files(
                        volume,
                        "ConfigMap",
                        keys,
                        c.items(),
                        c.defaultMode(),
                        c.optional(),
                        k -> cm.get().bytes(k));
            }
            case VolumeModel.Secret s -> {
                var secret = refs.secret(pod.namespace(), s.secretName());
                if (secret.isEmpty()) {
                    yield missing(volume, "Secret", s.secretName(), s.optional());
                }
                yield files(
                        volume,
                        "Secret",
                        new TreeSet<>(secret.get().data().keySet()),
                        s.items(),
                        s.defaultMode(),
                        s.optional(),
                        k -> secret.get().bytes(k));
            }
            case VolumeModel.DownwardApi d -> downward(pod, d, ctx);
            case VolumeModel.Projected p -> projected(pod, p, ctx, refs);
        };
    }

    /**
     * The files of every source in one directory, as the kubelet projects them; two sources writing
     * the same path is an error, which the API server reports for items too.
     */
    private static ResolvedVolume projected(
            PodModel pod, VolumeModel.Projected p, PodContext ctx, ManifestSet refs)
            throws ManifestException {
        java.util.Map<String, VolumeFile> byPath = new java.util.LinkedHashMap<>();
        for (VolumeModel source : p.sources()) {
            var files = (ResolvedVolume.Files) resolve(pod, source, ctx, refs);
            for (VolumeFile f : files.files()) {
                if (byPath.putIfAbsent(f.path(), f) != null) {
                    throw new ManifestException(
                            new Problem(
                                    "",
                                    0,
                                    0,
                                    "volume \"" + p.name() + "\"",
                                    "conflicting duplicate paths: \""
                                            + f.path()
                                            + "\" is projected by more than one source"));
                }
            }
        }
        return new ResolvedVolume.Files(List.copyOf(byPath.values()));
    }

    private static ResolvedVolume missing(
            VolumeModel volume, String kind, String name, boolean optional)
            throws ManifestException {
        if (optional) {
            return new ResolvedVolume.Files(List.of());
        }
        throw new ManifestException(
                new Problem(
                        "",
                        0,
                        0,
                        "volume \"" + volume.name() + "\"",
                        kind + " \"" + name + "\" not found"));
    }

    /**
     * Every key when items is empty, else just the items; a missing item key is an error unless
     * optional.
     */
    private static ResolvedVolume files(
            VolumeModel volume,
            String kind,
            TreeSet<String> keys,
            List<KeyToPath> items,
            Integer defaultMode,
            boolean optional,
            Function<String, byte[]> content)
            throws ManifestException {
        int mode = defaultMode == null ? DEFAULT_MODE : defaultMode;
        List<VolumeFile> out = new ArrayList<>();
        if (items.isEmpty()) {
            keys.forEach(k -> out.add(new VolumeFile(k, content.apply(k), mode)));
        }
        for (KeyToPath item : items) {
            if (!keys.contains(item.key())) {
                if (optional) {
                    continue;
                }
                throw new ManifestException(
                        new Problem(
                                "",
                                0,
                                0,
                                "volume \"" + volume.name() + "\"",
                                "key \"" + item.key() + "\" not found in " + kind));
            }
            out.add(
                    new VolumeFile(
                            item.path(),
                            content.apply(item.key()),
                            item.mode() == null ? mode : item.mode()));
        }
        return new ResolvedVolume.Files(List.copyOf(out));
    }

    private static ResolvedVolume downward(
            PodModel pod, VolumeModel.DownwardApi d, PodContext ctx) {
        int mode = d.defaultMode() == null ? DEFAULT_MODE : d.defaultMode();
        List<VolumeFile> out = new ArrayList<>();
        for (DownwardItem item : d.items()) {
            String value;
            if (item.fieldRef() != null) {
                value = DownwardValues.field(pod, item.fieldRef().fieldPath(), ctx);
            } else {
                ContainerModel c =
                        pod.container(item.resourceFieldRef().containerName()).orElseThrow();
                value = DownwardValues.resource(c, item.resourceFieldRef());
            }
            out.add(
                    new VolumeFile(
                            item.path(),
                            value.getBytes(StandardCharsets.UTF_8),
                            item.mode() == null ? mode : item.mode()));
        }
        return new ResolvedVolume.Files(List.copyOf(out));
    }
}
