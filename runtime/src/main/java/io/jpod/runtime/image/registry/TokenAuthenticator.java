package io.jpod.runtime.image.registry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.jpod.runtime.image.oci.Json;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The token endpoint a Bearer challenge names ({@code realm}): a GET with the challenge's {@code
 * service} and the wanted {@code scope}, with Basic credentials when there are some, anonymous
 * otherwise. Tokens are cached per scope for their stated lifetime.
 */
final class TokenAuthenticator {

    /** The distribution spec's default lifetime when a realm states none. */
    private static final long DEFAULT_LIFETIME_SECONDS = 60;

    /** Taken off a token's lifetime so a request does not arrive with a just-expired one. */
    private static final long MARGIN_SECONDS = 5;

    private static final int MAX_RESPONSE = 1 << 20;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(
            String token,
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") Long expiresIn) {}

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final Map<String, BearerToken> cache = new ConcurrentHashMap<>();

    TokenAuthenticator(HttpClient http, Duration timeout, Clock clock) {
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** A cached or new token for {@code scope} (empty for none, as login asks). */
    String token(AuthChallenge challenge, String scope, Optional<Credentials> credentials)
            throws IOException, RegistryException {
        String key = challenge.param("realm").orElse("") + " " + scope;
        BearerToken cached = cache.get(key);
        if (cached != null && cached.validAt(clock.instant())) {
            return cached.value();
        }
        BearerToken fresh = fetch(challenge, scope, credentials);
        cache.put(key, fresh);
        return fresh.value();
    }

    /** Forgets the token for {@code scope}, after the registry refused it. */
    void invalidate(AuthChallenge challenge, String scope) {
        cache.remove(challenge.param("realm").orElse("") + " " + scope);
    }

    private BearerToken fetch(
            AuthChallenge challenge, String scope, Optional<Credentials> credentials)
            throws IOException, RegistryException {
        String realm =
                challenge
                        .param("realm")
                        .orElseThrow(
                                () ->
                                        new RegistryException(
                                                "the registry's Bearer challenge names no"
                                                        + " realm"));
        StringBuilder query = new StringBuilder();
        challenge.param("service").ifPresent(s -> append(query, "service", s));
        if (!scope.isEmpty()) {
            append(query, "scope", scope);
        }
        URI uri;
        try {
            uri =
                    URI.create(
                            realm
                                    + (query.isEmpty() ? "" : (realm.contains("?") ? "&" : "?"))
                                    + query);
        } catch (IllegalArgumentException e) {
            throw new RegistryException("the registry's token realm is not a valid URL");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        credentials.ifPresent(c -> request.header("Authorization", c.basicAuthorization()));
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_RESPONSE);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new RegistryException(
                    status,
                    credentials.isPresent()
                            ? "the registry's token server refused the credentials for "
                                    + uri.getHost()
                            : "the registry's token server requires credentials: use jpod login"
                                    + " or --creds");
        }
        if (status != 200) {
            throw new RegistryException(
                    status, "the registry's token server " + uri.getHost() + " answered " + status);
        }
        TokenResponse parsed;
        try {
            parsed = Json.read(body, TokenResponse.class);
        } catch (IOException e) {
            throw new RegistryException("the registry's token server sent no valid JSON", e);
        }
        String value = parsed.token() != null ? parsed.token() : parsed.accessToken();
        if (value == null || value.isEmpty()) {
            throw new RegistryException("the registry's token server sent no token");
        }
        long lifetime =
                parsed.expiresIn() == null || parsed.expiresIn() <= 0
                        ? DEFAULT_LIFETIME_SECONDS
                        : parsed.expiresIn();
        Instant expires = clock.instant().plusSeconds(Math.max(1, lifetime - MARGIN_SECONDS));
        return new BearerToken(value, expires);
    }

    private static void append(StringBuilder query, String name, String value) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
