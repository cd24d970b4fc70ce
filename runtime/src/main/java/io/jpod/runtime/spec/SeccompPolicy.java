package io.jpod.runtime.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The linux.seccomp object of a container: jpod's RuntimeDefault profile, made from the list of
 * refused calls shipped beside this class ({@code seccomp-blocked.txt}), or a Localhost profile as
 * its file gives it.
 */
final class SeccompPolicy {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EPERM = 1;
    private static final int ENOSYS = 38;

    /** clone's namespace flags: NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET. */
    private static final long[] CLONE_NAMESPACE_FLAGS = {
        0x00020000L, 0x02000000L, 0x04000000L, 0x08000000L, 0x10000000L, 0x20000000L, 0x40000000L
    };

    private static final List<Blocked> BLOCKED = load();

    private SeccompPolicy() {}

    /** One refused call, and the capability that lifts the refusal, or null. */
    record Blocked(String syscall, String unlessCapability) {}

    /**
     * Everything allowed but the refused calls the container's capabilities do not lift; clone with
     * a namespace flag as unshare, and clone3 (whose flags a filter cannot read) answered ENOSYS so
     * that libc falls back to clone.
     */
    static String runtimeDefault(Collection<String> capabilities, String arch) {
        ObjectNode root = JSON.createObjectNode();
        root.put("defaultAction", "SCMP_ACT_ALLOW");
        if (!architectures(arch).isEmpty()) {
            ArrayNode arches = root.putArray("architectures");
            architectures(arch).forEach(arches::add);
        }
        ArrayNode syscalls = root.putArray("syscalls");
        List<String> names = new ArrayList<>();
        for (Blocked b : BLOCKED) {
            if (b.unlessCapability() == null || !capabilities.contains(b.unlessCapability())) {
                names.add(b.syscall());
            }
        }
        rule(syscalls, names, EPERM);
        if (!capabilities.contains("CAP_SYS_ADMIN")) {
            for (long flag : CLONE_NAMESPACE_FLAGS) {
                ObjectNode clone = rule(syscalls, List.of("clone"), EPERM);
                ObjectNode arg = clone.putArray("args").addObject();
                // on s390x the flags are clone's second argument; on every arch jpod runs on, the
                // first
                arg.put("index", 0);
                arg.put("value", flag);
                arg.put("valueTwo", flag);
                arg.put("op", "SCMP_CMP_MASKED_EQ");
            }
            rule(syscalls, List.of("clone3"), ENOSYS);
        }
        return root.toString();
    }

    /**
     * A Localhost profile's file in the OCI runtime-spec form (linux.seccomp); {@code comment} keys
     * are dropped. The Docker form's conditional rules (archMap, includes, excludes) are refused
     * rather than half applied.
     */
    static String localhost(String name, String content) {
        JsonNode profile;
        try {
            profile = JSON.readTree(content);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "seccomp profile " + name + " is not JSON: " + e.getMessage(), e);
        }
        if (!(profile instanceof ObjectNode root) || !root.has("defaultAction")) {
            throw new IllegalArgumentException("seccomp profile " + name + " has no defaultAction");
        }
        root.remove("comment");
        for (String docker : List.of("archMap", "defaultErrno")) {
            refuseDocker(name, root.has(docker), docker);
        }
        for (JsonNode rule : root.path("syscalls")) {
            if (rule instanceof ObjectNode r) {
                r.remove("comment");
                refuseDocker(name, r.has("includes") || r.has("excludes"), "includes/excludes");
            }
        }
        return root.toString();
    }

    private static void refuseDocker(String name, boolean present, String key) {
        if (present) {
            throw new IllegalArgumentException(
                    "seccomp profile "
                            + name
                            + " uses the Docker form's "
                            + key
                            + ": write it in the OCI runtime-spec form (architectures, syscalls"
                            + " with names, action, args)");
        }
    }

    /** The native architecture and the ones its kernel also runs, so no entry point escapes. */
    static List<String> architectures(String arch) {
        return switch (arch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32");
            case "aarch64", "arm64" -> List.of("SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM");
            default -> List.of(); // the runtime's native architecture alone
        };
    }

    private static ObjectNode rule(ArrayNode syscalls, List<String> names, int errno) {
        ObjectNode r = syscalls.addObject();
        ArrayNode n = r.putArray("names");
        names.forEach(n::add);
        r.put("action", "SCMP_ACT_ERRNO");
        r.put("errnoRet", errno);
        return r;
    }

    private static List<Blocked> load() {
        try (InputStream in = SeccompPolicy.class.getResourceAsStream("seccomp-blocked.txt")) {
            if (in == null) {
                throw new IllegalStateException("seccomp-blocked.txt is missing from jpod's jar");
            }
            List<Blocked> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split("\\s+");
                out.add(new Blocked(parts[0], parts.length > 1 ? parts[1] : null));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
