package io.jpod.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

class TableTest {

    private static String print(Table t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void columnsArePaddedToTheWidestCellPlusTwoAndTheLastIsNot() {
        Table t =
                new Table("POD ID", "NAME", "STATUS")
                        .row("0123456789ab", "web", "Running")
                        .row("x", "database", "");
        assertEquals(
                """
                POD ID        NAME      STATUS
                0123456789ab  web       Running
                x             database  \n\
                """,
                print(t),
                "an empty last cell still pads the one before it");
    }

    @Test
    void aHeaderAloneIsPrinted() {
        assertEquals("A  B\n", print(new Table("A", "B")));
    }
}
