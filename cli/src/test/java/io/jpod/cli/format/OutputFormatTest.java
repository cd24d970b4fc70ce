package io.jpod.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class OutputFormatTest {

    private static final List<GoStruct> ROWS =
            List.of(
                    new GoStruct("c")
                            .with("ID", "abc")
                            .with("Names", "web-server")
                            .with("CreatedAt", "1h"),
                    new GoStruct("c")
                            .with("ID", "de")
                            .with("Names", "web-client")
                            .with("CreatedAt", "2h"));

    @Test
    void jsonIsTheArrayOption() throws TemplateException {
        assertTrue(OutputFormat.parse("json").json());
        assertTrue(OutputFormat.parse(" JSON ").json());
        assertFalse(OutputFormat.parse("{{json .}}").json());
    }

    @Test
    void plainTemplateEndsEachItemsLine() throws TemplateException {
        assertEquals(
                "web-server\nweb-client\n",
                OutputFormat.parse("{{.Names}}").render(ROWS, Map.of()));
    }

    @Test
    void tableHasHeadersAndAlignsAsGosTabwriter() throws TemplateException {
        // podman: tabwriter minwidth 12, padding 2; the last cell is not padded
        assertEquals(
                "CONTAINER ID  NAMES       CREATED AT\n"
                        + "abc           web-server  1h\n"
                        + "de            web-client  2h\n",
                OutputFormat.parse("table {{.ID}}\\t{{.Names}}\\t{{.CreatedAt}}")
                        .render(ROWS, Map.of("ID", "CONTAINER ID")));
    }

    @Test
    void tableWithNoItemsStillPrintsItsHeader() throws TemplateException {
        assertEquals("NAMES\n", OutputFormat.parse("table {{.Names}}").render(List.of(), Map.of()));
    }

    @Test
    void escapedTabsAlignWithoutTable() throws TemplateException {
        assertEquals(
                "abc         web-server\nde          web-client\n",
                OutputFormat.parse("{{.ID}}\\t{{.Names}}").render(ROWS, Map.of()));
    }

    @Test
    void unknownFieldIsAnErrorEvenWithNoItemsToRender() {
        // the header is rendered against any field name, so the error comes from a row
        assertThrows(
                TemplateException.class,
                () -> OutputFormat.parse("{{.Nope}}").render(ROWS, Map.of()));
    }

    @Test
    void headerWordsSplitCamelCase() {
        assertEquals("CREATED AT", Header.words("CreatedAt"));
        assertEquals("IMAGE ID", Header.words("ImageID"));
        assertEquals("ID", Header.words("ID"));
        assertEquals("NAMES", Header.words("Names"));
    }
}
