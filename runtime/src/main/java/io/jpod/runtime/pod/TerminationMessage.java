package io.jpod.runtime.pod;

import io.jpod.runtime.logs.K8sFileLog;
import io.jpod.runtime.logs.LogLine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The kubelet's termination message: what the container wrote to its terminationMessagePath (a file
 * of jpod's bind-mounted there), at most 4096 bytes; with FallbackToLogsOnError and a non-zero
 * exit, the tail of its log when the file is empty (80 lines, 2048 bytes).
 */
final class TerminationMessage {

    static final String FILE = "termination-log";
    static final int MAX_FILE_BYTES = 4096;
    static final int MAX_LOG_LINES = 80;
    static final int MAX_LOG_BYTES = 2048;

    private TerminationMessage() {}

    /** The host side of the bind mount, in the container's directory. */
    static Path file(Path containerDir) {
        return containerDir.resolve(FILE);
    }

    static String read(Path file, K8sFileLog log, boolean fallbackToLogs, int exitCode) {
        String message = head(file);
        if (!message.isEmpty() || !fallbackToLogs || exitCode == 0) {
            return message;
        }
        try {
            return tail(log.read(MAX_LOG_LINES));
        } catch (IOException e) {
            return "";
        }
    }

    private static String head(Path file) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_FILE_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last lines, cut at the front to the byte limit. */
    static String tail(List<LogLine> lines) {
        byte[] all =
                lines.stream()
                        .map(LogLine::text)
                        .collect(Collectors.joining("\n"))
                        .getBytes(StandardCharsets.UTF_8);
        int from = Math.max(0, all.length - MAX_LOG_BYTES);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }
}
