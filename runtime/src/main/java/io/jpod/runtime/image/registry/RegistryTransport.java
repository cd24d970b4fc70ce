package io.jpod.runtime.image.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * GETs against one registry: pinged once for its scheme and challenge, then each request
 * authenticated (a Bearer token per scope, or Basic), retried with back-off on dropped connections,
 * 5xx and 429, re-authenticated once on 401, and redirected by hand so that credentials never reach
 * another host (blob storage behind a redirect gets none).
 */
final class RegistryTransport {

    private static final int MAX_REDIRECTS = 5;

    private static final String BUFFER_PROPERTY = "jdk.httpclient.bufsize";

    /** How long closing waits for exchanges still under way before it cuts them. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(1);

    private final String host;
    private final Optional<Credentials> credentials;
    private final RegistryOptions options;
    private final HttpClient http;
    private final TokenAuthenticator tokens;

    private volatile RegistryPing.Result ping;
    private volatile AuthChallenge challenge;

    RegistryTransport(
            String host,
            Optional<Credentials> credentials,
            RegistryOptions options,
            HttpClient http,
            Clock clock) {
        this.host = host;
        this.credentials = credentials;
        this.options = options;
        this.http = http;
        this.tokens = new TokenAuthenticator(http, options.timeout(), clock);
    }

    static {
        // The JDK's client hands a body on in chunks of this, each a hop through its executor and
        // its flow control; it reads the property once, when first used. 16 KiB by default: 256
        // KiB takes about a sixth off a pull's CPU time (bench/PULL.md).
        if (System.getProperty(BUFFER_PROPERTY) == null) {
            System.setProperty(BUFFER_PROPERTY, String.valueOf(256 << 10));
        }
    }

    static HttpClient newClient(RegistryOptions options) throws IOException {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(options.timeout())
                .sslContext(TlsContext.create(options))
                .build();
    }

    String host() {
        return host;
    }

    /**
     * Closes the client's connections and stops its selector thread: a JVM that exits with them
     * open takes a few hundred milliseconds longer. An exchange a failure left open is cut after
     * {@link #CLOSE_WAIT}.
     */
    void close() {
        http.shutdown();
        try {
            if (!http.awaitTermination(CLOSE_WAIT)) {
                http.shutdownNow();
            }
        } catch (InterruptedException e) {
            http.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Pings the registry once; later calls return the first answer. */
    RegistryPing.Result connect() throws IOException, RegistryException {
        RegistryPing.Result result = ping;
        if (result == null) {
            synchronized (this) {
                if (ping == null) {
                    ping =
                            new RegistryPing(http, options.timeout(), options.retries())
                                    .ping(host, options.tlsVerify());
                    challenge = ping.challenge().orElse(null);
                }
                result = ping;
            }
        }
        return result;
    }

    /**
     * Checks the credentials the way login must: a token for no particular scope from a Bearer
     * realm, or {@code /v2/} with Basic.
     */
    void verifyCredentials() throws IOException, RegistryException {
        RegistryPing.Result result = connect();
        if (result.challenge().isEmpty()) {
            return;
        }
        AuthChallenge c = result.challenge().get();
        if (c.bearer()) {
            tokens.token(c, "", credentials);
            return;
        }
        try (InputStream in = get("/v2/", "", Map.of()).body()) {
            // the status was checked by get
        }
    }

    /**
     * A GET of {@code path}, its status checked: 2xx returns, anything else throws naming what.
     *
     * @param scope the token scope, e.g. {@code repository:app:pull}
     */
    HttpResponse<InputStream> get(String path, String scope, Map<String, String> headers)
            throws IOException, RegistryException {
        HttpResponse<InputStream> response = send(path, scope, headers);
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        String body;
        try (InputStream in = response.body()) {
            body = new String(in.readNBytes(512), java.nio.charset.StandardCharsets.UTF_8);
        }
        throw new RegistryException(status, describe(status, path, body));
    }

    private HttpResponse<InputStream> send(String path, String scope, Map<String, String> headers)
            throws IOException, RegistryException {
        URI base = connect().base();
        URI uri = base.resolve(path);
        boolean reauthenticated = false;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<InputStream> response;
            try {
                response = follow(uri, base, headers, authorization(scope));
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                if (attempt >= options.retries().attempts()) {
                    throw new RegistryException(
                            "registry "
                                    + host
                                    + " did not answer "
                                    + path
                                    + ": "
                                    + RegistryPing.describe(e),
                            e);
                }
                options.retries().pause(attempt, null);
                continue;
            }
            int status = response.statusCode();
            if (status == 401 && !reauthenticated) {
                response.body().close();
                AuthChallenge current = challenge;
                if (current != null && current.bearer()) {
                    tokens.invalidate(current, scope);
                }
                AuthChallenge.parse(response.headers().firstValue("WWW-Authenticate").orElse(null))
                        .ifPresent(c -> challenge = c);
                reauthenticated = true;
                attempt--;
                continue;
            }
            if ((status >= 500 || status == 429) && attempt < options.retries().attempts()) {
                response.body().close();
                options.retries().pause(attempt, retryAfter(response));
                continue;
            }
            return response;
        }
    }

    private Optional<String> authorization(String scope) throws IOException, RegistryException {
        AuthChallenge c = challenge;
        if (c == null) {
            return Optional.empty();
        }
        if (c.bearer()) {
            return Optional.of("Bearer " + tokens.token(c, scope, credentials));
        }
        if (c.basic()) {
            return credentials.map(Credentials::basicAuthorization);
        }
        return Optional.empty();
    }

    private HttpResponse<InputStream> follow(
            URI uri, URI base, Map<String, String> headers, Optional<String> authorization)
            throws IOException, RegistryException {
        URI target = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(target).timeout(options.timeout()).GET();
            headers.forEach(request::header);
            if (authorization.isPresent() && sameOrigin(target, base)) {
                request.header("Authorization", authorization.get());
            }
            HttpResponse<InputStream> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted");
            }
            int status = response.statusCode();
            if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
                return response;
            }
            response.body().close();
            String location =
                    response.headers()
                            .firstValue("Location")
                            .orElseThrow(
                                    () ->
                                            new RegistryException(
                                                    status,
                                                    "registry "
                                                            + host
                                                            + " redirected without a Location"));
            try {
                target = target.resolve(location);
            } catch (IllegalArgumentException e) {
                throw new RegistryException("registry " + host + " redirected to an invalid URL");
            }
        }
        throw new RegistryException("registry " + host + ": too many redirects");
    }

    static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme())
                && Objects.equals(a.getHost(), b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme()) ? 443 : 80;
    }

    static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> value = response.headers().firstValue("Retry-After");
        if (value.isPresent() && value.get().strip().matches("[0-9]{1,6}")) {
            return Duration.ofSeconds(Long.parseLong(value.get().strip()));
        }
        return null;
    }

    private String describe(int status, String path, String body) {
        String what =
                switch (status) {
                    case 401 ->
                            credentials.isPresent()
                                    ? "the credentials were refused"
                                    : "authentication required (use jpod login or --creds)";
                    case 403 -> "access denied";
                    case 404 -> "not found";
                    case 429 -> "too many requests";
                    default -> "HTTP " + status;
                };
        String code = errorCode(body);
        return "registry "
                + host
                + ": "
                + what
                + (code.isEmpty() ? "" : " (" + code + ")")
                + ": "
                + path;
    }

    /** The first error code of a distribution error body, e.g. MANIFEST_UNKNOWN. */
    private static String errorCode(String body) {
        var m = java.util.regex.Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"").matcher(body);
        return m.find() ? m.group(1) : "";
    }
}
