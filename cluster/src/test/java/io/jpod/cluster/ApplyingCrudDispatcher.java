package io.jpod.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * fabric8's CRUD mock answers server-side apply ({@code application/apply-patch+yaml}) with 415: it
 * knows JSON and merge patches only. This dispatcher records every apply request as sent, and
 * stands in for the API server's apply with the CRUD store underneath: a create where the object is
 * missing, an RFC 7386 merge of the applied object where it exists (with one field manager, as in
 * these tests, the two agree on the fields the tests change), nothing stored under {@code
 * dryRun=All}. Reads stay the CRUD mock's own.
 */
final class ApplyingCrudDispatcher extends KubernetesCrudDispatcher {
    static final String APPLY = "application/apply-patch+yaml";

    record Sent(String path, String contentType, String body) {}

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<Sent> applies = new CopyOnWriteArrayList<>();

    @Override
    public MockResponse handlePatch(RecordedRequest request) {
        String type = request.getHeader("Content-Type");
        if (type == null || !type.startsWith(APPLY)) {
            return super.handlePatch(request);
        }
        String body = request.getUtf8Body();
        applies.add(new Sent(request.getPath(), type, body));
        String path = request.getPath();
        String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
        String resource = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String json = toJson(body);
        MockResponse existing = handleGet(resource);
        if (List.of(query.split("&")).contains("dryRun=All")) {
            return new MockResponse()
                    .setResponseCode(existing.code() == 200 ? 200 : 201)
                    .setBody(json);
        }
        Headers headers = Headers.builder().add("Content-Type", "application/json").build();
        if (existing.code() == 404) {
            String collection = resource.substring(0, resource.lastIndexOf('/'));
            return handleCreate(
                    new RecordedRequest(
                            "HTTP/1.1",
                            HttpMethod.POST,
                            collection,
                            headers,
                            new Buffer().writeUtf8(json)));
        }
        // RFC 7386 merge by hand: the CRUD mock's own merge keeps old list elements
        JsonNode merged = merge(read(existing.getBody().readUtf8()), read(json));
        return handleUpdate(
                new RecordedRequest(
                        "HTTP/1.1",
                        HttpMethod.PUT,
                        resource,
                        headers,
                        new Buffer().writeUtf8(merged.toString())));
    }

    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!(patch instanceof ObjectNode p) || !(target instanceof ObjectNode t)) {
            return patch;
        }
        ObjectNode out = t.deepCopy();
        p.properties()
                .forEach(
                        e -> {
                            if (e.getValue().isNull()) {
                                out.remove(e.getKey());
                            } else {
                                out.set(
                                        e.getKey(),
                                        merge(
                                                out.has(e.getKey())
                                                        ? out.get(e.getKey())
                                                        : JSON.createObjectNode(),
                                                e.getValue()));
                            }
                        });
        return out;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String toJson(String body) {
        try {
            JsonNode node = YAML.readTree(body);
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
