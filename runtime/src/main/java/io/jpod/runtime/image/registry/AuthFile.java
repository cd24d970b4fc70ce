package io.jpod.runtime.image.registry;

import io.jpod.runtime.image.oci.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * containers' auth.json (and Docker's config.json, which has the same {@code auths}): {@code
 * {"auths": {"registry.example": {"auth": "base64(user:password)"}}}}. Written with mode 0600, by
 * atomic rename, keeping whatever else the file holds.
 */
public final class AuthFile {

    private AuthFile() {}

    /**
     * Where credentials are looked for, in podman's order: {@code $REGISTRY_AUTH_FILE}, {@code
     * $XDG_RUNTIME_DIR/containers/auth.json}, {@code ~/.config/containers/auth.json}, {@code
     * ~/.docker/config.json}.
     */
    public static List<Path> searchPath(Map<String, String> env) {
        List<Path> files = new ArrayList<>();
        String explicit = env.get("REGISTRY_AUTH_FILE");
        if (explicit != null && !explicit.isBlank()) {
            files.add(Path.of(explicit));
        }
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            files.add(Path.of(runtimeDir, "containers", "auth.json"));
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        String config = env.get("XDG_CONFIG_HOME");
        files.add(
                (config != null && !config.isBlank() ? Path.of(config) : Path.of(home, ".config"))
                        .resolve("containers/auth.json"));
        files.add(Path.of(home, ".docker", "config.json"));
        return files;
    }

    /** The file login writes: the first of {@link #searchPath} that is not Docker's. */
    public static Path defaultFile(Map<String, String> env) {
        return searchPath(env).getFirst();
    }

    /** The credentials for {@code registry} from the first file that has an entry for it. */
    public static Optional<Credentials> lookup(List<Path> files, String registry)
            throws IOException {
        for (Path file : files) {
            Optional<Credentials> found = entry(read(file), registry);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    public static void store(Path file, String registry, Credentials credentials)
            throws IOException {
        Map<String, Object> document = read(file);
        Map<String, Object> auths = auths(document);
        auths.keySet().removeIf(key -> hostOf(key).equals(registry));
        auths.put(registry, new LinkedHashMap<>(Map.of("auth", credentials.encode())));
        document.put("auths", auths);
        write(file, document);
    }

    /** Removes a registry's entry; false when there was none. */
    public static boolean remove(Path file, String registry) throws IOException {
        Map<String, Object> document = read(file);
        Map<String, Object> auths = auths(document);
        if (!auths.keySet().removeIf(key -> hostOf(key).equals(registry))) {
            return false;
        }
        document.put("auths", auths);
        write(file, document);
        return true;
    }

    /** Removes every entry; false when there was none. */
    public static boolean removeAll(Path file) throws IOException {
        Map<String, Object> document = read(file);
        if (auths(document).isEmpty()) {
            return false;
        }
        document.put("auths", new LinkedHashMap<>());
        write(file, document);
        return true;
    }

    /** A key's registry: {@code https://index.docker.io/v1/} and {@code host/namespace} too. */
    public static String hostOf(String key) {
        String k = key;
        int scheme = k.indexOf("://");
        if (scheme >= 0) {
            k = k.substring(scheme + 3);
        }
        int slash = k.indexOf('/');
        String host = slash < 0 ? k : k.substring(0, slash);
        return host.equals("index.docker.io") || host.equals("registry-1.docker.io")
                ? "docker.io"
                : host;
    }

    private static Optional<Credentials> entry(Map<String, Object> document, String registry) {
        for (Map.Entry<String, Object> e : auths(document).entrySet()) {
            if (hostOf(e.getKey()).equals(registry)
                    && e.getValue() instanceof Map<?, ?> value
                    && value.get("auth") instanceof String auth
                    && !auth.isEmpty()) {
                return Optional.of(Credentials.decode(auth));
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> auths(Map<String, Object> document) {
        return document.get("auths") instanceof Map<?, ?> auths
                ? new LinkedHashMap<>((Map<String, Object>) auths)
                : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path file) throws IOException {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new LinkedHashMap<>();
        }
        if (json.length == 0) {
            return new LinkedHashMap<>();
        }
        try {
            return new LinkedHashMap<>(Json.read(json, LinkedHashMap.class));
        } catch (IOException e) {
            // the parser's message may quote the file, and so a credential
            throw new IOException(file + " is not valid JSON");
        }
    }

    private static void write(Path file, Map<String, Object> document) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path partial =
                Files.createTempFile(
                        dir,
                        ".auth-",
                        ".json",
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(partial, Json.writePretty(document));
            Files.move(
                    partial,
                    file,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
