package io.jpod.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.ServerSideApplicable;
import io.fabric8.kubernetes.client.dsl.WritableOperation;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code jpod kube apply}: each object of the manifests, sent to the cluster with server-side apply
 * under field manager {@code jpod}, so that the server creates what is missing and updates what
 * changed. Like kubectl, a failed object does not stop the others; the failures are reported
 * together at the end.
 */
public final class ClusterApply {
    private ClusterApply() {}

    /**
     * Applies and prints one line per object to {@code out}, as kubectl: {@code pod/web
     * serverside-applied}.
     */
    public static void apply(
            ApplyRequest request, Map<String, String> env, InputStream stdin, Consumer<String> out)
            throws ApplyException {
        List<ManifestFiles.Source> sources = ManifestFiles.read(request.sources(), stdin);
        Path file = Kubeconfig.locate(request.kubeconfig(), env);
        Config config = Kubeconfig.load(file, request.context());
        try (KubernetesClient client =
                new KubernetesClientBuilder()
                        .withHttpClientFactory(new JdkHttpClientFactory())
                        .withConfig(config)
                        .build()) {
            apply(client, request, sources, out);
        }
    }

    /** As above, through a client the caller made (tests hand in one for a mock server). */
    static void apply(
            KubernetesClient client,
            ApplyRequest request,
            List<ManifestFiles.Source> sources,
            Consumer<String> out)
            throws ApplyException {
        List<HasMetadata> objects = new ArrayList<>();
        for (ManifestFiles.Source s : sources) {
            objects.addAll(parse(client, s));
        }
        if (objects.isEmpty()) {
            throw new ApplyException("no objects passed to apply");
        }
        String defaultNamespace =
                request.namespace() != null
                        ? request.namespace()
                        : client.getNamespace() != null ? client.getNamespace() : "default";
        List<String> failures = new ArrayList<>();
        for (HasMetadata o : objects) {
            String id = ObjectNames.of(o);
            String ns = o.getMetadata().getNamespace();
            if (request.namespace() != null && ns != null && !ns.equals(request.namespace())) {
                failures.add(
                        id
                                + ": the namespace from the object (\""
                                + ns
                                + "\") does not match --ns \""
                                + request.namespace()
                                + "\"");
                continue;
            }
            try {
                applyOne(client, o, ns != null ? ns : defaultNamespace, request);
                out.accept(
                        id + " serverside-applied" + (request.dryRun() ? " (server dry run)" : ""));
            } catch (KubernetesClientException e) {
                failures.add(ServerErrors.describe(id, e, client.getMasterUrl().toString()));
                if (ServerErrors.isFatal(e)) {
                    break; // the next object would meet the same wall
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new ApplyException(failures, null);
        }
    }

    private static List<HasMetadata> parse(KubernetesClient client, ManifestFiles.Source s)
            throws ApplyException {
        try {
            List<HasMetadata> items =
                    client.load(new ByteArrayInputStream(s.text().getBytes(StandardCharsets.UTF_8)))
                            .items();
            for (HasMetadata o : items) {
                if (o.getMetadata() == null || o.getMetadata().getName() == null) {
                    throw new ApplyException(
                            s.name() + ": a " + o.getKind() + " without metadata.name");
                }
            }
            return items;
        } catch (RuntimeException e) {
            throw new ApplyException(
                    List.of(s.name() + ": not a Kubernetes manifest: " + firstLine(e)), e);
        }
    }

    private static void applyOne(
            KubernetesClient client, HasMetadata o, String namespace, ApplyRequest request) {
        // fabric8 leaves the namespace out of the path of cluster-scoped kinds
        Resource<HasMetadata> resource = client.resource(o).inNamespace(namespace);
        WritableOperation<HasMetadata> op = request.dryRun() ? resource.dryRun() : resource;
        ServerSideApplicable<HasMetadata> apply = op.fieldManager(ApplyRequest.FIELD_MANAGER);
        if (request.forceConflicts()) {
            apply = apply.forceConflicts();
        }
        apply.serverSideApply();
    }

    static String firstLine(Throwable e) {
        String m =
                e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
