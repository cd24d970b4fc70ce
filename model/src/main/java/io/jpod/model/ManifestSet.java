package io.jpod.model;

import java.util.List;
import java.util.Optional;

/** Everything the manifests define, validated. */
public record ManifestSet(
        List<PodModel> pods,
        List<ConfigMapModel> configMaps,
        List<SecretModel> secrets,
        List<PvcModel> claims,
        List<Notice> notices,
        List<JobModel> jobs) {

    public ManifestSet(
            List<PodModel> pods,
            List<ConfigMapModel> configMaps,
            List<SecretModel> secrets,
            List<PvcModel> claims,
            List<Notice> notices) {
        this(pods, configMaps, secrets, claims, notices, List.of());
    }

    public ManifestSet {
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
        pods = List.copyOf(pods);
        configMaps = List.copyOf(configMaps);
        secrets = List.copyOf(secrets);
        claims = List.copyOf(claims);
        notices = List.copyOf(notices);
    }

    public Optional<ConfigMapModel> configMap(String namespace, String name) {
        return configMaps.stream()
                .filter(c -> c.namespace().equals(namespace) && c.name().equals(name))
                .findFirst();
    }

    public Optional<SecretModel> secret(String namespace, String name) {
        return secrets.stream()
                .filter(s -> s.namespace().equals(namespace) && s.name().equals(name))
                .findFirst();
    }

    public Optional<PvcModel> claim(String namespace, String name) {
        return claims.stream()
                .filter(c -> c.namespace().equals(namespace) && c.name().equals(name))
                .findFirst();
    }
}
