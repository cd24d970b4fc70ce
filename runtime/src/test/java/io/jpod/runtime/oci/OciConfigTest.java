package io.jpod.runtime.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

class OciConfigTest {

    private static BundleSpec spec(
            String cwd, String hostname, boolean rootless, List<BundleSpec.Mount> mounts) {
        return new BundleSpec(
                List.of("/bin/sh", "-c", "echo hi"),
                List.of("PATH=/bin", "A=1"),
                cwd,
                1000,
                100,
                false,
                "/b/rootfs",
                true,
                hostname,
                List.of(
                        new BundleSpec.Namespace("mount", null),
                        new BundleSpec.Namespace("network", "/run/netns/p")),
                mounts,
                List.of("CAP_CHOWN", "CAP_KILL"),
                true,
                rootless,
                List.of(),
                java.util.Map.of(),
                true,
                null,
                null);
    }

    /** The config.json of a spec, as a tree. */
    private static JsonNode config(BundleSpec spec) {
        try {
            return new ObjectMapper().readTree(OciConfig.toJson(spec));
        } catch (JsonProcessingException e) {
            throw new AssertionError("config.json is not JSON", e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void processUserCapabilitiesAndRoot() {
        JsonNode root = config(spec("/srv", "web", true, List.of()));
        JsonNode process = root.path("process");
        assertEquals(1000, process.path("user").path("uid").asLong());
        assertEquals(100, process.path("user").path("gid").asLong());
        assertEquals(List.of("/bin/sh", "-c", "echo hi"), texts(process.path("args")));
        assertEquals(List.of("PATH=/bin", "A=1"), texts(process.path("env")));
        assertEquals("/srv", process.path("cwd").asText());
        for (String set : List.of("bounding", "effective", "permitted")) {
            assertEquals(
                    List.of("CAP_CHOWN", "CAP_KILL"),
                    texts(process.path("capabilities").path(set)),
                    set);
        }
        assertTrue(process.path("noNewPrivileges").asBoolean());
        assertEquals("/b/rootfs", root.path("root").path("path").asText());
        assertTrue(root.path("root").path("readonly").asBoolean());
        assertEquals("web", root.path("hostname").asText());
    }

    @Test
    void cwdDefaultsToTheRoot() {
        assertEquals(
                "/",
                config(spec(null, "web", true, List.of())).path("process").path("cwd").asText());
        assertEquals(
                "/", config(spec("", "web", true, List.of())).path("process").path("cwd").asText());
    }

    @Test
    void hostnameIsOmittedWhenTheUtsNamespaceIsJoined() {
        // runc refuses a hostname without a new UTS namespace
        assertFalse(config(spec("/", null, true, List.of())).has("hostname"));
    }

    @Test
    void namespacesCarryAPathOnlyWhenJoined() {
        JsonNode ns = config(spec("/", "web", true, List.of())).path("linux").path("namespaces");
        assertEquals(2, ns.size());
        assertEquals("mount", ns.get(0).path("type").asText());
        assertFalse(ns.get(0).has("path"));
        assertEquals("network", ns.get(1).path("type").asText());
        assertEquals("/run/netns/p", ns.get(1).path("path").asText());
    }

    @Test
    void rootlessDevptsNamesNoGroup() {
        JsonNode rootless = devpts(config(spec("/", "web", true, List.of())));
        JsonNode root = devpts(config(spec("/", "web", false, List.of())));
        assertFalse(texts(rootless.path("options")).contains("gid=5"));
        assertTrue(texts(root.path("options")).contains("gid=5"));
    }

    private static JsonNode devpts(JsonNode config) {
        for (JsonNode m : config.path("mounts")) {
            if (m.path("destination").asText().equals("/dev/pts")) {
                return m;
            }
        }
        throw new AssertionError("no /dev/pts mount");
    }

    @Test
    void specMountsComeAfterTheDefaults() {
        BundleSpec.Mount data = BundleSpec.Mount.bind("/host/data", "/data", true);
        BundleSpec.Mount hosts = BundleSpec.Mount.bind("/pod/hosts", "/etc/hosts", false);
        JsonNode mounts = config(spec("/", "web", true, List.of(data, hosts))).path("mounts");
        List<String> destinations = new ArrayList<>();
        mounts.forEach(m -> destinations.add(m.path("destination").asText()));
        // the fixture stays in the caller's IPC namespace, rootless: no mqueue can be mounted there
        assertEquals(
                List.of("/proc", "/dev", "/dev/pts", "/dev/shm", "/sys", "/data", "/etc/hosts"),
                destinations);
        JsonNode last = mounts.get(mounts.size() - 2);
        assertEquals("bind", last.path("type").asText());
        assertEquals("/host/data", last.path("source").asText());
        assertEquals(List.of("rbind", "ro", "nosuid", "nodev"), texts(last.path("options")));
        assertFalse(texts(mounts.get(mounts.size() - 1).path("options")).contains("ro"));
    }

    @Test
    void writeProducesParseableJson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config.json");
        OciConfig.write(spec("/", "web", true, List.of()), file);
        JsonNode read = new ObjectMapper().readTree(file.toFile());
        assertEquals("1.0.2", read.path("ociVersion").asText());
        assertTrue(read.path("linux").path("maskedPaths").size() > 0);
    }
}
