package io.jpod.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.model.OutputKind;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

class KubeWriterTest {
    private static final String STORED =
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: page
            data:
              index.html: |
                ---
                <h1>hi</h1>
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: c
                image: busybox
                volumeMounts:
                - name: page
                  mountPath: /www
              volumes:
              - name: page
                configMap:
                  name: page
            """;

    @Test
    void documentsSplitOnlyOnSeparators() throws IOException {
        String yaml = KubeWriter.write("web", STORED, OutputKind.POD, 1, false);
        List<String> documents = KubeWriter.documents(yaml);
        assertEquals(2, documents.size(), yaml);
        assertTrue(documents.get(0).contains("kind: ConfigMap"), documents.get(0));
        assertTrue(documents.get(1).startsWith("apiVersion: v1\nkind: Pod\n"), documents.get(1));
        assertEquals(yaml, String.join("---\n", documents));
    }

    @Test
    void aServiceWithoutPortsIsAnError() {
        IOException e =
                assertThrows(
                        IOException.class,
                        () -> KubeWriter.write("web", STORED, OutputKind.POD, 1, true));
        assertEquals("--service: pod web has no ports to put in a Service", e.getMessage());
    }
}
