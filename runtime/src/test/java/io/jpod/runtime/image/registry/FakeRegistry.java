package io.jpod.runtime.image.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.jpod.runtime.image.blob.Digest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A registry in the test's JVM on 127.0.0.1: manifests and blobs served from maps, with hooks for
 * what real registries do to clients (challenges, redirects, failures).
 */
public final class FakeRegistry implements AutoCloseable {

    /** A request as the server saw it. */
    public record Request(String path, Map<String, List<String>> headers) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }

    /** Answers a request in place of the default handling; returns false to fall through. */
    @FunctionalInterface
    public interface Hook {
        boolean handle(HttpExchange exchange) throws IOException;
    }

    public final List<Request> requests = new CopyOnWriteArrayList<>();
    public final Map<String, byte[]> manifests = new ConcurrentHashMap<>();
    public final Map<String, String> manifestTypes = new ConcurrentHashMap<>();
    public final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    public volatile Hook hook = exchange -> false;

    private final HttpServer server;

    public FakeRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::serve);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Serves {@code content} as {@code repository:tag} and by its digest. */
    public Digest putManifest(String repository, String tag, String mediaType, byte[] content) {
        Digest digest = Digest.of(content);
        for (String ref : List.of(tag, digest.toString())) {
            manifests.put(repository + "/" + ref, content);
            manifestTypes.put(repository + "/" + ref, mediaType);
        }
        return digest;
    }

    public Digest putBlob(byte[] content) {
        Digest digest = Digest.of(content);
        blobs.put(digest.toString(), content);
        return digest;
    }

    public long count(String pathPrefix) {
        return requests.stream().filter(r -> r.path().startsWith(pathPrefix)).count();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(
                    new Request(
                            exchange.getRequestURI().toString(),
                            Map.copyOf(exchange.getRequestHeaders())));
            if (hook.handle(exchange)) {
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/v2/")) {
                send(exchange, 200, "application/json", "{}".getBytes());
                return;
            }
            int manifests = path.indexOf("/manifests/");
            if (manifests > 0) {
                String key = path.substring(4, manifests) + "/" + path.substring(manifests + 11);
                byte[] content = this.manifests.get(key);
                if (content == null) {
                    send(
                            exchange,
                            404,
                            "application/json",
                            "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\"}]}".getBytes());
                    return;
                }
                exchange.getResponseHeaders()
                        .add("Docker-Content-Digest", Digest.of(content).toString());
                send(exchange, 200, manifestTypes.get(key), content);
                return;
            }
            int blobs = path.indexOf("/blobs/");
            if (blobs > 0) {
                byte[] content = this.blobs.get(path.substring(blobs + 7));
                if (content == null) {
                    send(
                            exchange,
                            404,
                            "application/json",
                            "{\"errors\":[{\"code\":\"BLOB_UNKNOWN\"}]}".getBytes());
                    return;
                }
                send(exchange, 200, "application/octet-stream", content);
                return;
            }
            send(exchange, 404, "text/plain", new byte[0]);
        }
    }

    public static void send(HttpExchange exchange, int status, String type, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
