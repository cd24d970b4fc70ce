package io.jpod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jpod.runtime.JpodException;
import io.jpod.runtime.image.ImageException;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

class ErrorsTest {

    private final StringWriter text = new StringWriter();
    private final PrintWriter err = new PrintWriter(text);

    @Test
    void aJpodExceptionEndsWithItsOwnCodeAndEachProblemOnALine() {
        int code =
                Errors.report(
                        new JpodException(127, List.of("ls: not found", "and more"), null), err);
        assertEquals(127, code);
        assertEquals("Error: ls: not found\nError: and more\n", text.toString());
    }

    @Test
    void theRuntimesOwnFailuresAre125() {
        assertEquals(125, Errors.report(new ImageException("image not known: x"), err));
        assertEquals(125, Errors.report(new IOException("disk full"), err));
        assertEquals(125, Errors.report(new IllegalStateException(), err));
        assertEquals(
                "Error: image not known: x\n"
                        + "Error: disk full\n"
                        + "Error: java.lang.IllegalStateException\n",
                text.toString());
    }

    @Test
    void mainsHandlerMapsACommandsExceptionAndABadOption() {
        CommandLine cmd = Main.commandLine();
        cmd.setErr(err);
        assertEquals(125, cmd.execute("generate", "kube", "--type", "cronjob", "web"));
        assertEquals(125, cmd.execute("ps", "--no-such-option"));
        String[] lines = text.toString().split("\n");
        assertEquals(
                "Error: --type must be pod, deployment, daemonset or job, not cronjob", lines[0]);
        assertEquals("Error: Unknown option: '--no-such-option'", lines[1]);
    }
}
