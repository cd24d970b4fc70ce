package io.jpod.model;

import io.jpod.model.yaml.Issues;
import io.jpod.model.yaml.YNode;

import java.util.ArrayList;
import java.util.List;

/**
 * ConfigMap, Secret and claim references, checked once every document is read: a manifest may
 * define the ConfigMap after the pod that uses it. key null means the whole object is referenced.
 */
final class References {
    enum Target {
        CONFIG_MAP("ConfigMap"),
        SECRET("Secret"),
        CLAIM("PersistentVolumeClaim");

        final String kind;

        Target(String kind) {
            this.kind = kind;
        }
    }

    private record Use(
            Target target, String namespace, String name, String key, boolean optional, YNode at) {}

    private final List<Use> uses = new ArrayList<>();

    void add(Target target, String namespace, String name, String key, boolean optional, YNode at) {
        if (name != null) {
            uses.add(new Use(target, namespace, name, key, optional, at));
        }
    }

    void check(
            List<ConfigMapModel> configMaps,
            List<SecretModel> secrets,
            List<PvcModel> claims,
            Issues issues) {
        for (Use use : uses) {
            boolean exists;
            boolean hasKey;
            switch (use.target) {
                case CONFIG_MAP -> {
                    var found =
                            configMaps.stream()
                                    .filter(
                                            c ->
                                                    c.namespace().equals(use.namespace)
                                                            && c.name().equals(use.name))
                                    .findFirst();
                    exists = found.isPresent();
                    hasKey = use.key == null || found.map(c -> c.hasKey(use.key)).orElse(false);
                }
                case SECRET -> {
                    var found =
                            secrets.stream()
                                    .filter(
                                            s ->
                                                    s.namespace().equals(use.namespace)
                                                            && s.name().equals(use.name))
                                    .findFirst();
                    exists = found.isPresent();
                    hasKey = use.key == null || found.map(s -> s.hasKey(use.key)).orElse(false);
                }
                default -> {
                    exists =
                            claims.stream()
                                    .anyMatch(
                                            c ->
                                                    c.namespace().equals(use.namespace)
                                                            && c.name().equals(use.name));
                    hasKey = true;
                }
            }
            if (use.target == Target.CLAIM) {
                if (!exists) {
                    issues.warn(
                            use.at.mark(),
                            use.at.path(),
                            "PersistentVolumeClaim \""
                                    + use.name
                                    + "\" is not defined in the manifests; an empty volume of that"
                                    + " name is used");
                }
            } else if (use.optional) {
                continue;
            } else if (!exists) {
                issues.error(
                        use.at.mark(),
                        use.at.path(),
                        use.target.kind
                                + " \""
                                + use.name
                                + "\" not found (set optional: true to allow this)");
            } else if (!hasKey) {
                issues.error(
                        use.at.mark(),
                        use.at.path(),
                        "key \""
                                + use.key
                                + "\" not found in "
                                + use.target.kind
                                + " \""
                                + use.name
                                + "\"");
            }
        }
    }
}
