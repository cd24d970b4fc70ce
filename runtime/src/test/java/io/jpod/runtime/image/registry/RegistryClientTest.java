package io.jpod.runtime.image.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.image.blob.Digest;
import io.jpod.runtime.image.oci.Descriptor;
import io.jpod.runtime.image.oci.MediaTypes;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

class RegistryClientTest {

    static final byte[] MANIFEST =
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"}"
                    .getBytes(StandardCharsets.UTF_8);

    final FakeRegistry registry;

    RegistryClientTest() throws IOException {
        registry = new FakeRegistry();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    RegistryClient client(Optional<Credentials> credentials) throws IOException {
        return RegistryClient.open(
                registry.host(),
                credentials,
                RegistryOptions.defaults()
                        .withTlsVerify(false)
                        // the HTTPS attempt before plain HTTP waits this long for the fake
                        .withTimeout(Duration.ofSeconds(1))
                        .withRetries(new Retries(4, Duration.ofMillis(1), Duration.ofMillis(5))));
    }

    @Test
    void aBearerTokenIsFetchedWithTheCredentialsOnceForItsScopeAndLifetime() throws Exception {
        Credentials creds = new Credentials("user", "s3cret");
        registry.putManifest("app", "1", MediaTypes.OCI_MANIFEST, MANIFEST);
        String realm = "http://" + registry.host() + "/token";
        registry.hook =
                exchange -> {
                    String path = exchange.getRequestURI().getPath();
                    if (path.equals("/token")) {
                        boolean ok =
                                creds.basicAuthorization()
                                                .equals(
                                                        exchange.getRequestHeaders()
                                                                .getFirst("Authorization"))
                                        && exchange.getRequestURI()
                                                .getQuery()
                                                .contains("scope=repository:app:pull");
                        FakeRegistry.send(
                                exchange,
                                ok ? 200 : 401,
                                "application/json",
                                "{\"token\":\"t1\",\"expires_in\":300}".getBytes());
                        return true;
                    }
                    if (!"Bearer t1"
                            .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                        exchange.getResponseHeaders()
                                .add(
                                        "WWW-Authenticate",
                                        "Bearer realm=\"" + realm + "\",service=\"fake\"");
                        FakeRegistry.send(exchange, 401, "application/json", new byte[0]);
                        return true;
                    }
                    return false;
                };
        RegistryClient client = client(Optional.of(creds));

        RegistryManifest first = client.manifest("app", "1");
        client.manifest("app", "1");

        assertEquals(Digest.of(MANIFEST), first.digest());
        assertEquals(1, registry.count("/token"));
        assertTrue(
                registry.requests.stream()
                        .filter(r -> r.path().contains("/manifests/"))
                        .allMatch(r -> "Bearer t1".equals(r.header("Authorization"))));
    }

    @Test
    void refusedCredentialsFailWithoutShowingThePassword() throws Exception {
        String realm = "http://" + registry.host() + "/token";
        registry.hook =
                exchange -> {
                    if (exchange.getRequestURI().getPath().equals("/token")) {
                        FakeRegistry.send(exchange, 401, "application/json", new byte[0]);
                    } else {
                        exchange.getResponseHeaders()
                                .add("WWW-Authenticate", "Bearer realm=\"" + realm + "\"");
                        FakeRegistry.send(exchange, 401, "application/json", new byte[0]);
                    }
                    return true;
                };
        RegistryClient client = client(Optional.of(new Credentials("user", "s3cret")));

        RegistryException e =
                assertThrows(RegistryException.class, () -> client.manifest("app", "1"));
        assertTrue(e.unauthorized(), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        assertThrows(RegistryException.class, client::verifyCredentials);
    }

    @Test
    void basicAuthIsSentToTheRegistryAndMissingCredentialsAreExplained() throws Exception {
        Credentials creds = new Credentials("user", "pw");
        registry.putManifest("app", "1", MediaTypes.OCI_MANIFEST, MANIFEST);
        registry.hook = requireBasic(creds);

        assertEquals(Digest.of(MANIFEST), client(Optional.of(creds)).manifest("app", "1").digest());
        client(Optional.of(creds)).verifyCredentials();
        RegistryException e =
                assertThrows(
                        RegistryException.class,
                        () -> client(Optional.empty()).manifest("app", "1"));
        assertTrue(e.getMessage().contains("authentication required"), e.getMessage());
    }

    @Test
    void aBlobRedirectedToAnotherHostGetsNoCredentials() throws Exception {
        Credentials creds = new Credentials("user", "pw");
        byte[] content = "layer bytes".getBytes();
        Digest digest = Digest.of(content);
        FakeRegistry.Hook basic = requireBasic(creds);
        registry.hook =
                exchange -> {
                    String path = exchange.getRequestURI().getPath();
                    if (path.equals("/storage/blob")) {
                        FakeRegistry.send(exchange, 200, "application/octet-stream", content);
                        return true;
                    }
                    if (basic.handle(exchange)) {
                        return true;
                    }
                    if (path.contains("/blobs/")) {
                        // "localhost" is another origin than "127.0.0.1", though the same server
                        exchange.getResponseHeaders()
                                .add(
                                        "Location",
                                        "http://localhost:" + registry.port() + "/storage/blob");
                        exchange.sendResponseHeaders(307, -1);
                        return true;
                    }
                    return false;
                };
        assertArrayEquals(
                content, fetch(client(Optional.of(creds)), descriptor(digest, content.length)));
        FakeRegistry.Request storage =
                registry.requests.stream()
                        .filter(r -> r.path().equals("/storage/blob"))
                        .findFirst()
                        .orElseThrow();
        assertNull(storage.header("Authorization"));
        assertTrue(
                registry.requests.stream()
                        .filter(r -> r.path().contains("/blobs/"))
                        .allMatch(
                                r -> creds.basicAuthorization().equals(r.header("Authorization"))));
    }

    @Test
    void unavailableAndTooManyRequestsAreRetried() throws Exception {
        registry.putManifest("app", "1", MediaTypes.OCI_MANIFEST, MANIFEST);
        AtomicInteger failures = new AtomicInteger();
        registry.hook =
                exchange -> {
                    if (exchange.getRequestURI().getPath().contains("/manifests/")) {
                        int n = failures.getAndIncrement();
                        if (n < 2) {
                            exchange.getResponseHeaders().add("Retry-After", "0");
                            FakeRegistry.send(
                                    exchange, n == 0 ? 503 : 429, "text/plain", new byte[0]);
                            return true;
                        }
                    }
                    return false;
                };

        assertEquals(Digest.of(MANIFEST), client(Optional.empty()).manifest("app", "1").digest());
        assertEquals(3, registry.count("/v2/app/manifests/"));
    }

    @Test
    void aBlobCutOffMidwayIsResumedWithARangeRequestInTheSameStream() throws Exception {
        byte[] content = blob();
        Digest digest = registry.putBlob(content);
        AtomicInteger calls = new AtomicInteger();
        registry.hook = cutOffOnce(content, calls, true);
        List<Long> progress = new CopyOnWriteArrayList<>();

        byte[] fetched;
        try (RegistryClient client = client(Optional.empty());
                InputStream in =
                        client.blobs()
                                .open(
                                        "app",
                                        descriptor(digest, content.length),
                                        new PullListener() {
                                            @Override
                                            public void progress(String d, long done, long total) {
                                                progress.add(done);
                                            }
                                        })) {
            fetched = in.readAllBytes();
        }

        assertArrayEquals(content, fetched);
        assertEquals(2, calls.get());
        FakeRegistry.Request resumed = blobRequests().get(1);
        assertEquals("bytes=" + content.length / 2 + "-", resumed.header("Range"));
        assertEquals(progress.stream().sorted().toList(), progress, "progress never goes back");
    }

    @Test
    void aRegistryThatIgnoresRangeSendsTheWholeBlobAgainAndTheStreamSkipsWhatItHad()
            throws Exception {
        byte[] content = blob();
        Digest digest = registry.putBlob(content);
        AtomicInteger calls = new AtomicInteger();
        registry.hook = cutOffOnce(content, calls, false);

        assertArrayEquals(
                content, fetch(client(Optional.empty()), descriptor(digest, content.length)));
        assertEquals(2, calls.get());
    }

    @Test
    void aBlobCutOffOnEveryTryFailsNamingItsDigest() throws Exception {
        byte[] content = blob();
        Digest digest = registry.putBlob(content);
        registry.hook =
                exchange -> {
                    if (!exchange.getRequestURI().getPath().contains("/blobs/")) {
                        return false;
                    }
                    exchange.sendResponseHeaders(200, content.length);
                    OutputStream out = exchange.getResponseBody();
                    out.write(content, 0, 1000);
                    out.flush();
                    throw new IOException("cut off");
                };

        IOException e =
                assertThrows(
                        IOException.class,
                        () -> fetch(client(Optional.empty()), descriptor(digest, content.length)));

        assertTrue(e.getMessage().contains(digest.toString()), e.getMessage());
        // the client's four tries: the first answer and three resumptions
        assertEquals(4, blobRequests().size());
    }

    @Test
    void aBlobLongerOrShorterThanItsDescriptorFailsNamingItsDigest() throws Exception {
        byte[] content = "original".getBytes();
        Digest digest = registry.putBlob(content);

        for (long size : List.of(content.length - 1L, content.length + 1L)) {
            IOException e =
                    assertThrows(
                            IOException.class,
                            () -> fetch(client(Optional.empty()), descriptor(digest, size)));
            assertTrue(e.getMessage().contains(digest.toString()), e.getMessage());
        }
    }

    @Test
    void aConfigThatDoesNotMatchItsDigestIsNamed() throws Exception {
        byte[] content = "tampered".getBytes();
        Digest claimed = Digest.of("original".getBytes());
        registry.blobs.put(claimed.toString(), content);

        RegistryException e =
                assertThrows(
                        RegistryException.class,
                        () ->
                                client(Optional.empty())
                                        .blobs()
                                        .read("app", descriptor(claimed, content.length), 1000));

        assertTrue(e.getMessage().contains(claimed.toString()), e.getMessage());
    }

    @Test
    void schemaOneIsRefusedClearly() throws Exception {
        registry.putManifest(
                "old",
                "1",
                MediaTypes.DOCKER_SCHEMA1_SIGNED,
                "{\"schemaVersion\":1,\"name\":\"old\"}".getBytes());

        RegistryException e =
                assertThrows(
                        RegistryException.class,
                        () -> client(Optional.empty()).manifest("old", "1"));
        assertTrue(e.getMessage().contains("schema 1"), e.getMessage());
    }

    @Test
    void aManifestAskedForByDigestMustHaveThatDigest() throws Exception {
        Digest asked = Digest.of("something else".getBytes());
        registry.manifests.put("app/" + asked, MANIFEST);
        registry.manifestTypes.put("app/" + asked, MediaTypes.OCI_MANIFEST);

        RegistryException e =
                assertThrows(
                        RegistryException.class,
                        () -> client(Optional.empty()).manifest("app", asked.toString()));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
    }

    @Test
    void anUnknownManifestIsNamed() throws Exception {
        RegistryException e =
                assertThrows(
                        RegistryException.class,
                        () -> client(Optional.empty()).manifest("app", "9"));
        assertEquals(404, e.status());
        assertTrue(e.getMessage().contains(registry.host() + "/app:9"), e.getMessage());
    }

    private static byte[] fetch(RegistryClient client, Descriptor descriptor) throws Exception {
        try (client;
                InputStream in = client.blobs().open("app", descriptor, PullListener.NONE)) {
            return in.readAllBytes();
        }
    }

    private List<FakeRegistry.Request> blobRequests() {
        return registry.requests.stream().filter(r -> r.path().contains("/blobs/")).toList();
    }

    private static byte[] blob() {
        byte[] content = new byte[200_000];
        new Random(1).nextBytes(content);
        return content;
    }

    /**
     * Sends half the blob and drops the connection, then answers the next request with the rest (a
     * 206 for its Range) or, {@code ranges} false, with the whole blob.
     */
    private static FakeRegistry.Hook cutOffOnce(
            byte[] content, AtomicInteger calls, boolean ranges) {
        return exchange -> {
            if (!exchange.getRequestURI().getPath().contains("/blobs/")) {
                return false;
            }
            if (calls.getAndIncrement() == 0) {
                exchange.sendResponseHeaders(200, content.length);
                OutputStream out = exchange.getResponseBody();
                out.write(content, 0, content.length / 2);
                out.flush();
                // the server closes the connection with half the promised bytes sent
                throw new IOException("cut off");
            }
            String range = exchange.getRequestHeaders().getFirst("Range");
            if (!ranges || range == null) {
                FakeRegistry.send(exchange, 200, "application/octet-stream", content);
                return true;
            }
            int from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
            exchange.getResponseHeaders()
                    .add(
                            "Content-Range",
                            "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
            exchange.sendResponseHeaders(206, content.length - from);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content, from, content.length - from);
            }
            return true;
        };
    }

    private static Descriptor descriptor(Digest digest, long size) {
        return new Descriptor(
                "application/vnd.oci.image.layer.v1.tar", digest.toString(), size, null, null);
    }

    private static FakeRegistry.Hook requireBasic(Credentials creds) {
        return exchange -> {
            if (!creds.basicAuthorization()
                    .equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"fake\"");
                FakeRegistry.send(exchange, 401, "application/json", new byte[0]);
                return true;
            }
            return false;
        };
    }
}
