package io.jpod.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.List;

class ContainerViewTest {

    private static final List<String> SCRIPT =
            List.of("sh", "-c", "set -e\ncd /data\n  echo done\n");

    @Test
    void aScriptGivenAsABlockIsOneRowOfTheTable() {
        assertEquals("sh -c set -e cd /data echo done", ContainerView.oneLine(SCRIPT));
        assertEquals("sh -c set -e cd /...", ContainerView.command(SCRIPT));
    }

    @Test
    void aShortCommandIsShownWholeAndALongOneCutAsPodmanCutsIt() {
        assertEquals("sleep 1000", ContainerView.command(List.of("sleep", "1000")));
        assertEquals(
                "httpd -f -v -p 80...",
                ContainerView.command(List.of("httpd", "-f", "-v", "-p", "8080", "-h", "/www")));
    }
}
