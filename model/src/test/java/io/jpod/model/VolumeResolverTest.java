package io.jpod.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

class VolumeResolverTest {
    private static final PodContext CTX = new PodContext("10.0.0.2", "192.0.2.7", "n");

    private static ManifestSet set(String volumes) {
        return Manifests.load(
                """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: cfg}
                data: {b.conf: bee, a.conf: ay}
                binaryData: {bin: AAE=}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: sec}
                stringData: {token: t0k}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: p, labels: {app: web, tier: "1"}}
                spec:
                  containers:
                  - name: c
                    image: busybox
                    resources: {limits: {memory: 64Mi}}
                  volumes:
                """
                        + volumes.indent(2));
    }

    private static ResolvedVolume resolve(String volumes) throws ManifestException {
        ManifestSet set = set(volumes);
        PodModel pod = set.pods().get(0);
        return VolumeResolver.resolve(pod, pod.volumes().get(0), CTX, set);
    }

    private static List<String> paths(ResolvedVolume v) {
        return ((ResolvedVolume.Files) v)
                .files().stream()
                        .map(f -> f.path() + ":" + Integer.toOctalString(f.mode()))
                        .toList();
    }

    @Test
    @DisplayName(
            "a configMap volume projects every key (data and binaryData) with mode 0644 by default")
    void configMapAllKeys() throws Exception {
        assertEquals(
                List.of("a.conf:644", "b.conf:644", "bin:644"),
                paths(resolve("- {name: v, configMap: {name: cfg}}")));
    }

    @Test
    @DisplayName(
            "items select keys and paths; item mode beats defaultMode (0440 is octal, as YAML 1.1"
                    + " reads it)")
    void items() throws Exception {
        ResolvedVolume v =
                resolve(
                        """
                        - name: v
                          configMap:
                            name: cfg
                            defaultMode: 0440
                            items: [{key: a.conf, path: x/a}, {key: bin, path: b, mode: 0600}]
                        """);
        assertEquals(List.of("x/a:440", "b:600"), paths(v));
        assertArrayEquals(new byte[] {0, 1}, ((ResolvedVolume.Files) v).files().get(1).content());
    }

    @Test
    @DisplayName(
            "a secret volume holds decoded values; a missing optional secret is an empty volume")
    void secrets() throws Exception {
        ResolvedVolume v = resolve("- {name: v, secret: {secretName: sec}}");
        assertEquals(
                "t0k",
                new String(
                        ((ResolvedVolume.Files) v).files().get(0).content(),
                        StandardCharsets.UTF_8));
        assertEquals(
                List.of(),
                paths(resolve("- {name: v, secret: {secretName: other, optional: true}}")));
    }

    @Test
    @DisplayName(
            "downwardAPI files: labels as sorted key=\"value\" lines, resources in divisor units")
    void downward() throws Exception {
        ResolvedVolume v =
                resolve(
                        """
                        - name: v
                          downwardAPI:
                            items:
                            - {path: labels, fieldRef: {fieldPath: metadata.labels}}
                            - {path: mem, resourceFieldRef: {containerName: c, resource: limits.memory, divisor: 1Mi}}
                        """);
        List<VolumeFile> files = ((ResolvedVolume.Files) v).files();
        assertEquals(
                "app=\"web\"\ntier=\"1\"\n",
                new String(files.get(0).content(), StandardCharsets.UTF_8));
        assertEquals("64", new String(files.get(1).content(), StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName(
            "hostPath, emptyDir (Memory is a tmpfs), and claims pass through; a volume with no"
                    + " source is an emptyDir")
    void passThrough() throws Exception {
        assertEquals(
                new ResolvedVolume.HostPath("/srv", HostPathType.FILE_OR_CREATE),
                resolve("- {name: v, hostPath: {path: /srv, type: FileOrCreate}}"));
        assertEquals(
                new ResolvedVolume.EmptyDir("Memory", new Quantity("1Gi")),
                resolve("- {name: v, emptyDir: {medium: Memory, sizeLimit: 1Gi}}"));
        assertEquals(new ResolvedVolume.EmptyDir("", null), resolve("- {name: v}"));
        assertEquals(
                new ResolvedVolume.Claim("data", true),
                resolve("- {name: v, persistentVolumeClaim: {claimName: data, readOnly: true}}"));
    }

    @Test
    @DisplayName("volume types jpod cannot provide become empty directories, with a notice")
    void unsupportedType() {
        ManifestSet set = set("- {name: v, nfs: {server: s, path: /x}}");
        assertEquals(new VolumeModel.EmptyDir("v", "", null), set.pods().get(0).volumes().get(0));
        assertEquals(1, set.notices().size());
    }

    @Test
    @DisplayName("a missing non-optional ConfigMap is caught at load, before anything runs")
    void missingAtLoad() {
        assertEquals(
                List.of(
                        "test.yaml:22:16: spec.volumes[0].configMap: ConfigMap \"nope\" not found"
                                + " (set optional: true to allow this)"),
                Manifests.problems(
                        """
                        apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: cfg}
                        data: {b.conf: bee, a.conf: ay}
                        binaryData: {bin: AAE=}
                        ---
                        apiVersion: v1
                        kind: Secret
                        metadata: {name: sec}
                        stringData: {token: t0k}
                        ---
                        apiVersion: v1
                        kind: Pod
                        metadata: {name: p, labels: {app: web, tier: "1"}}
                        spec:
                          containers:
                          - name: c
                            image: busybox
                            resources: {limits: {memory: 64Mi}}
                          volumes:
                          - name: v
                            configMap: {name: nope}
                        """));
    }

    @Test
    @DisplayName(
            "a projected volume holds every source's files, with the projected defaultMode unless"
                    + " an item sets its own; serviceAccountToken is dropped with a notice")
    void projectedSources() throws Exception {
        ResolvedVolume v =
                resolve(
                        """
                        - name: all
                          projected:
                            defaultMode: 0440
                            sources:
                            - configMap: {name: cfg, items: [{key: a.conf, path: conf/a, mode: 0600}]}
                            - secret: {name: sec}
                            - downwardAPI: {items: [{path: name, fieldRef: {fieldPath: metadata.name}}]}
                            - serviceAccountToken: {path: token}
                        """);
        assertEquals(List.of("conf/a:600", "token:440", "name:440"), paths(v));
    }

    @Test
    @DisplayName("two sources of a projected volume writing one path is an error naming the volume")
    void projectedConflict() {
        ManifestException e =
                assertThrows(
                        ManifestException.class,
                        () ->
                                resolve(
                                        """
                                        - name: all
                                          projected:
                                            sources:
                                            - configMap: {name: cfg, items: [{key: a.conf, path: x}]}
                                            - secret: {name: sec, items: [{key: token, path: x}]}
                                        """));
        assertTrue(e.getMessage().contains("volume \"all\""), e.getMessage());
        assertTrue(e.getMessage().contains("conflicting duplicate paths: \"x\""), e.getMessage());
    }
}
