package io.jpod.model;

import static io.jpod.model.Manifests.load;
import static io.jpod.model.Manifests.podWith;
import static io.jpod.model.Manifests.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;

/** postStart and preStop as the API server reads them, and which of them jpod runs. */
class LifecycleHooksTest {

    @Test
    void httpGetHooksAreReadWithTheirFieldsAndNoNotice() {
        ManifestSet set =
                load(
                        podWith(
                                """
                                ports: [{name: web, containerPort: 8080}]
                                lifecycle:
                                  postStart:
                                    httpGet:
                                      path: /started
                                      port: web
                                      httpHeaders: [{name: X-Hook, value: post-start}]
                                  preStop:
                                    httpGet: {host: 127.0.0.1, port: 9090, scheme: HTTPS}
                                """));
        assertEquals(List.of(), set.notices());
        ContainerModel c = set.pods().getFirst().containers().getFirst();
        Action.HttpGet post = (Action.HttpGet) c.lifecycle().postStart();
        assertEquals("/started", post.path());
        assertEquals(8080, post.port().resolve(c));
        assertEquals("HTTP", post.scheme());
        assertEquals(null, post.host());
        assertEquals(List.of(new Action.HttpHeader("X-Hook", "post-start")), post.headers());
        Action.HttpGet pre = (Action.HttpGet) c.lifecycle().preStop();
        assertEquals("/", pre.path());
        assertEquals(9090, pre.port().resolve(c));
        assertEquals("127.0.0.1", pre.host());
        assertEquals("HTTPS", pre.scheme());
    }

    @Test
    void aTcpSocketHookIsNoticedWhereItIsWritten() {
        ManifestSet set =
                load(
                        podWith(
                                """
                                lifecycle:
                                  preStop:
                                    tcpSocket: {port: 80}
                                """));
        assertEquals(1, set.notices().size(), set.notices().toString());
        String notice = set.notices().getFirst().toString();
        assertTrue(
                notice.startsWith("test.yaml:11:") && notice.contains("tcpSocket hooks"), notice);
    }

    @Test
    void anHttpGetHookOnAnUnknownPortNameIsAnError() {
        List<String> problems =
                problems(
                        podWith(
                                """
                                lifecycle:
                                  postStart:
                                    httpGet: {port: nosuch}
                                """));
        assertTrue(
                problems.stream().anyMatch(p -> p.contains("no container port is named")),
                problems.toString());
    }
}
