package io.jpod.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class SeccompPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The calls refused outright with EPERM (the first rule). */
    private static List<String> refused(List<String> caps) throws Exception {
        JsonNode profile = JSON.readTree(SeccompPolicy.runtimeDefault(caps, "amd64"));
        assertEquals("SCMP_ACT_ALLOW", profile.get("defaultAction").asText());
        List<String> names = new ArrayList<>();
        profile.get("syscalls").get(0).get("names").forEach(n -> names.add(n.asText()));
        return names;
    }

    @Test
    void refusesKeyringsAndMountsUnlessACapabilityLiftsThem() throws Exception {
        List<String> plain = refused(List.of("CAP_CHOWN"));
        assertTrue(plain.containsAll(List.of("keyctl", "add_key", "mount", "unshare", "reboot")));
        List<String> admin = refused(List.of("CAP_SYS_ADMIN", "CAP_SYS_BOOT"));
        assertTrue(admin.contains("keyctl"), "keyrings stay refused whatever the capabilities");
        assertFalse(admin.contains("mount"));
        assertFalse(admin.contains("unshare"));
        assertFalse(admin.contains("reboot"));
    }

    @Test
    void newNamespacesThroughCloneAreRefusedWithoutSysAdmin() throws Exception {
        JsonNode plain = JSON.readTree(SeccompPolicy.runtimeDefault(List.of(), "amd64"));
        long cloneRules = 0;
        for (JsonNode r : plain.get("syscalls")) {
            if (r.get("names").get(0).asText().equals("clone")) {
                cloneRules++;
                assertEquals("SCMP_CMP_MASKED_EQ", r.get("args").get(0).get("op").asText());
            }
        }
        assertEquals(7, cloneRules, "one rule per namespace flag");
        JsonNode admin =
                JSON.readTree(SeccompPolicy.runtimeDefault(List.of("CAP_SYS_ADMIN"), "amd64"));
        assertEquals(1, admin.get("syscalls").size(), "with CAP_SYS_ADMIN only the EPERM list");
    }

    @Test
    void coversTheCompatArchitectures() throws Exception {
        JsonNode profile = JSON.readTree(SeccompPolicy.runtimeDefault(List.of(), "amd64"));
        assertEquals(
                "[\"SCMP_ARCH_X86_64\",\"SCMP_ARCH_X86\",\"SCMP_ARCH_X32\"]",
                profile.get("architectures").toString());
    }

    @Test
    void aLocalhostProfileInTheDockerFormIsRefusedByName() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                SeccompPolicy.localhost(
                                        "docker.json",
                                        "{\"defaultAction\":\"SCMP_ACT_ERRNO\",\"archMap\":[]}"));
        assertTrue(e.getMessage().contains("docker.json"), e.getMessage());
        assertTrue(e.getMessage().contains("archMap"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SeccompPolicy.localhost("x.json", "{}"));
    }
}
