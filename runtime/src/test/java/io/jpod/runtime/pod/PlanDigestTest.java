package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class PlanDigestTest {

    private static PodPlan withConfig(String value) {
        return Plans.withVolumes(
                Plans.pod("web", "sha256:box", "app"),
                List.of(
                        new VolumePlan.Files(
                                "cfg",
                                List.of(
                                        new VolumePlan.FileEntry(
                                                "greeting",
                                                value.getBytes(StandardCharsets.UTF_8),
                                                0644))),
                        new VolumePlan.EmptyDir("scratch", false)));
    }

    private static PodPlan labelled(Map<String, String> labels, String source) {
        PodPlan p = Plans.pod("web", "sha256:box", "app");
        return new PodPlan(
                p.name(),
                p.hostname(),
                labels,
                p.gracePeriodSeconds(),
                p.restartPolicy(),
                p.network(),
                p.shareProcessNamespace(),
                p.ports(),
                p.hostAliases(),
                p.dnsServers(),
                p.dnsSearches(),
                p.volumes(),
                p.containers(),
                p.initContainers(),
                source);
    }

    @Test
    void theSamePlanHasTheSameDigestsWhateverTheOrderItsMapsWereFilledIn() {
        Map<String, String> forward = new LinkedHashMap<>();
        Map<String, String> backward = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            forward.put("k" + i, "v" + i);
            backward.put("k" + (49 - i), "v" + (49 - i));
        }
        PodPlan a = labelled(forward, "");
        PodPlan b = labelled(backward, "");
        assertEquals(PlanDigest.spec(a), PlanDigest.spec(b));
        assertEquals(PlanDigest.render(a), PlanDigest.render(b));
        String rendered = PlanDigest.render(a);
        assertTrue(
                rendered.indexOf("\"k0\"") < rendered.indexOf("\"k1\"")
                        && rendered.indexOf("\"k1\"") < rendered.indexOf("\"k10\""),
                "map keys sorted: " + rendered);
    }

    @Test
    void digestsAreStableAcrossRuns() {
        // Map.of iterates in an order salted per JVM: a digest that followed it would move from
        // one run to the next, and this value, computed once, would not hold
        PodPlan p =
                Plans.withVolumes(
                        labelled(Map.of("app", "web", "tier", "front", "team", "a"), ""),
                        withConfig("hello").volumes());
        assertEquals(GOLDEN, PlanDigest.spec(p) + " " + PlanDigest.files(p));
    }

    @Test
    void aFieldAtItsDefaultIsLeftOutSoANewOneMovesNoDigest() {
        PodPlan p = Plans.pod("web", "sha256:box", "app");
        assertFalse(PlanDigest.render(p).contains("noHosts"), PlanDigest.render(p));
        assertTrue(PlanDigest.render(p.withNoHosts()).contains("\"noHosts\" : true"));
        assertNotEquals(PlanDigest.spec(p), PlanDigest.spec(p.withNoHosts()));
    }

    private static final String GOLDEN =
            "sha256:10b854f6402b5916f2729489d764c6f48a11264a5cbfa04f5f34d1562a66c1b0"
                    + " sha256:b8601afcbe424c78aa61a4406bf70906856898db0c4d58e97d62d745a2d25a23";

    @Test
    void aConfigMapValueInAFileChangesTheFilesDigestOnly() {
        PodPlan hello = withConfig("hello");
        PodPlan bonjour = withConfig("bonjour");
        assertEquals(PlanDigest.spec(hello), PlanDigest.spec(bonjour));
        assertNotEquals(PlanDigest.files(hello), PlanDigest.files(bonjour));
    }

    @Test
    void aConfigMapValueInAnEnvVarChangesTheSpec() {
        PodPlan p = Plans.pod("web", "sha256:box", "app");
        ContainerPlan c = p.containers().getFirst();
        ContainerPlan withEnv =
                new ContainerPlan(
                        c.name(),
                        c.image(),
                        c.imageId(),
                        c.argv(),
                        List.of("PATH=/bin", "GREETING=bonjour"),
                        c.workingDir(),
                        c.user(),
                        c.tty(),
                        c.privileged(),
                        c.readOnlyRootfs(),
                        c.noNewPrivileges(),
                        c.capAdd(),
                        c.capDrop(),
                        c.mounts(),
                        c.secretEnv());
        PodPlan changed =
                Plans.pod(
                        p.name(),
                        p.restartPolicy(),
                        p.gracePeriodSeconds(),
                        List.of(),
                        List.of(withEnv));
        assertNotEquals(PlanDigest.spec(p), PlanDigest.spec(changed));
        assertEquals(PlanDigest.files(p), PlanDigest.files(changed));
    }

    @Test
    void theManifestTextAndAnImageIdAreTreatedAsTheyMatter() {
        Map<String, String> labels = Map.of("app", "web");
        assertEquals(
                PlanDigest.spec(labelled(labels, "kind: Pod\n# a comment\n")),
                PlanDigest.spec(labelled(labels, "kind: Pod\n")),
                "the YAML kept for generate kube is not the spec");
        assertNotEquals(
                PlanDigest.spec(Plans.pod("web", "sha256:box", "app")),
                PlanDigest.spec(Plans.pod("web", "sha256:other", "app")),
                "a pulled image that moved is a change");
        assertNotEquals(
                PlanDigest.spec(labelled(labels, "")),
                PlanDigest.spec(labelled(Map.of("app", "api"), "")));
    }

    @Test
    void theRenderingMasksSecretsAndShowsNoFileContent() {
        PodPlan p = Plans.pod("web", "sha256:box", "app");
        ContainerPlan c = p.containers().getFirst();
        ContainerPlan secret =
                new ContainerPlan(
                        c.name(),
                        c.image(),
                        c.imageId(),
                        c.argv(),
                        List.of("PATH=/bin", "TOKEN=s3cr3t"),
                        c.workingDir(),
                        c.user(),
                        c.tty(),
                        c.privileged(),
                        c.readOnlyRootfs(),
                        c.noNewPrivileges(),
                        c.capAdd(),
                        c.capDrop(),
                        c.mounts(),
                        List.of("TOKEN"));
        PodPlan masked =
                Plans.withVolumes(
                        Plans.pod("web", "Always", 30, List.of(), List.of(secret)),
                        withConfig("s3cr3t").volumes());
        String rendered = PlanDigest.render(masked);
        assertFalse(rendered.contains("s3cr3t"), rendered);
        assertTrue(rendered.contains("\"TOKEN=<masked: from a Secret>\""), rendered);
        assertTrue(rendered.contains("volume cfg: greeting mode 0644, 6 bytes, sha256:"), rendered);
        assertNotEquals(
                PlanDigest.spec(masked),
                PlanDigest.spec(
                        Plans.withVolumes(
                                Plans.pod("web", "Always", 30, List.of(), List.of(c)),
                                withConfig("s3cr3t").volumes())),
                "the digest sees the real value");
    }
}
