package io.jpod.runtime.image.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How to talk to registries.
 *
 * @param tlsVerify false accepts any certificate and falls back to plain HTTP, as {@code
 *     --tls-verify=false} does
 * @param certDir a directory of CA certificates ({@code *.crt}) trusted besides the system's
 * @param timeout for connecting and for each response's headers
 */
public record RegistryOptions(
        boolean tlsVerify, Optional<Path> certDir, Duration timeout, Retries retries) {

    public static RegistryOptions defaults() {
        return new RegistryOptions(true, Optional.empty(), Duration.ofSeconds(60), Retries.DEFAULT);
    }

    public RegistryOptions withTlsVerify(boolean verify) {
        return new RegistryOptions(verify, certDir, timeout, retries);
    }

    public RegistryOptions withCertDir(Optional<Path> dir) {
        return new RegistryOptions(tlsVerify, dir, timeout, retries);
    }

    public RegistryOptions withTimeout(Duration t) {
        return new RegistryOptions(tlsVerify, certDir, t, retries);
    }

    public RegistryOptions withRetries(Retries r) {
        return new RegistryOptions(tlsVerify, certDir, timeout, r);
    }
}
