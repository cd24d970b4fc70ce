package io.jpod.runtime.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLException;

/**
 * {@code GET /v2/}: whether the host is a registry, over which scheme, and what authentication it
 * asks for. HTTPS first; plain HTTP only when TLS verification is off and HTTPS failed.
 */
final class RegistryPing {

    /**
     * @param base {@code scheme://host[:port]}
     * @param challenge empty when anonymous requests are accepted
     */
    record Result(URI base, Optional<AuthChallenge> challenge) {}

    private final HttpClient http;
    private final Duration timeout;
    private final Retries retries;

    RegistryPing(HttpClient http, Duration timeout, Retries retries) {
        this.http = http;
        this.timeout = timeout;
        this.retries = retries;
    }

    Result ping(String host, boolean tlsVerify) throws IOException, RegistryException {
        List<String> schemes = tlsVerify ? List.of("https") : List.of("https", "http");
        IOException failure = null;
        for (int i = 0; i < schemes.size(); i++) {
            URI base = URI.create(schemes.get(i) + "://" + host);
            boolean fallbackFollows = i + 1 < schemes.size();
            try {
                // a plain HTTP server may never answer a TLS hello: try HTTPS briefly, once
                return fallbackFollows
                        ? ping(base, host, Duration.ofMillis(Math.min(timeout.toMillis(), 5000)), 1)
                        : ping(base, host, timeout, retries.attempts());
            } catch (SSLException e) {
                failure = e;
            } catch (IOException e) {
                if (e instanceof InterruptedIOException) {
                    throw e;
                }
                failure = e;
            }
        }
        throw new RegistryException(
                "cannot reach registry "
                        + host
                        + ": "
                        + describe(failure)
                        + (tlsVerify && failure instanceof SSLException
                                ? " (for a registry without valid TLS: --tls-verify=false)"
                                : ""),
                failure);
    }

    private Result ping(URI base, String host, Duration timeout, int attempts)
            throws IOException, RegistryException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<InputStream> response;
            try {
                response =
                        http.send(
                                HttpRequest.newBuilder(base.resolve("/v2/"))
                                        .timeout(timeout)
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofInputStream());
            } catch (SSLException | InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                retries.pause(attempt, null);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted");
            }
            response.body().close();
            int status = response.statusCode();
            if ((status >= 500 || status == 429) && attempt < attempts) {
                retries.pause(attempt, RegistryTransport.retryAfter(response));
                continue;
            }
            if (status == 200) {
                return new Result(base, Optional.empty());
            }
            if (status == 401) {
                Optional<AuthChallenge> challenge =
                        AuthChallenge.parse(
                                response.headers().firstValue("WWW-Authenticate").orElse(null));
                if (challenge.isEmpty()) {
                    throw new RegistryException(
                            401, "registry " + host + " refused access and says not how to log in");
                }
                return new Result(base, challenge);
            }
            throw new RegistryException(
                    status,
                    "registry "
                            + host
                            + " does not answer as a container registry (GET /v2/: "
                            + status
                            + ")");
        }
    }

    static String describe(Throwable e) {
        if (e == null) {
            return "no answer";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
