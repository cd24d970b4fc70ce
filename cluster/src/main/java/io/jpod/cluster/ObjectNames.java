package io.jpod.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.Locale;

/** How kubectl names an object in its output: {@code pod/web}, {@code deployment.apps/web}. */
final class ObjectNames {
    private ObjectNames() {}

    static String of(HasMetadata o) {
        String apiVersion = o.getApiVersion() == null ? "v1" : o.getApiVersion();
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : "." + apiVersion.substring(0, slash);
        return o.getKind().toLowerCase(Locale.ROOT) + group + "/" + o.getMetadata().getName();
    }
}
