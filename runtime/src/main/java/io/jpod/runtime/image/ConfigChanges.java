package io.jpod.runtime.image;

import io.jpod.runtime.image.oci.ConfigFile.ContainerConfig;
import io.jpod.runtime.image.oci.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --change} instructions of {@code import}, in Dockerfile syntax: CMD, ENTRYPOINT (JSON or
 * shell form), ENV, LABEL, WORKDIR, USER, EXPOSE. {@code INSTRUCTION=value} is accepted as podman
 * does.
 */
final class ConfigChanges {

    private List<String> entrypoint;
    private List<String> cmd;
    private final List<String> env = new ArrayList<>();
    private String workingDir;
    private String user;
    private String stopSignal;
    private final Map<String, String> labels = new TreeMap<>();
    private final Map<String, Map<String, Object>> exposedPorts = new LinkedHashMap<>();

    private ConfigChanges() {}

    static ContainerConfig apply(List<String> changes) throws ImageException {
        ConfigChanges config = new ConfigChanges();
        for (String change : changes) {
            config.apply(change);
        }
        return config.toContainerConfig();
    }

    private void apply(String change) throws ImageException {
        String text = change.strip();
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        String instruction = text.substring(0, end).toUpperCase(Locale.ROOT);
        if (end == 0
                || end < text.length()
                        && !Character.isWhitespace(text.charAt(end))
                        && text.charAt(end) != '=') {
            throw new ImageException("invalid --change " + change + ": expected INSTRUCTION VALUE");
        }
        String value = end < text.length() ? text.substring(end + 1).strip() : "";
        switch (instruction) {
            case "CMD" -> cmd = command(value, change);
            case "ENTRYPOINT" -> entrypoint = command(value, change);
            case "ENV" -> pairs(value, change).forEach(this::setEnv);
            case "LABEL" -> labels.putAll(pairs(value, change));
            case "WORKDIR" -> workingDir = workingDir(required(value, change));
            case "USER" -> user = required(value, change);
            case "EXPOSE" -> expose(value, change);
            case "STOPSIGNAL" -> stopSignal = required(value, change);
            default ->
                    throw new ImageException(
                            "unsupported --change instruction "
                                    + instruction
                                    + ": CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, STOPSIGNAL, USER and"
                                    + " WORKDIR are supported");
        }
    }

    /** JSON form {@code ["a","b"]} as it is; anything else runs through {@code /bin/sh -c}. */
    private static List<String> command(String value, String change) throws ImageException {
        if (value.startsWith("[")) {
            try {
                String[] args = Json.read(value.getBytes(StandardCharsets.UTF_8), String[].class);
                return List.of(args);
            } catch (IOException | NullPointerException notJson) {
                // Docker runs an invalid JSON array as a shell command; so does this
            }
        }
        return List.of("/bin/sh", "-c", required(value, change));
    }

    /** {@code K=V K2="v 2"}, or the legacy {@code K value with spaces}. */
    private static Map<String, String> pairs(String value, String change) throws ImageException {
        Map<String, String> pairs = new LinkedHashMap<>();
        List<String> words = words(required(value, change), change);
        if (!words.getFirst().contains("=")) {
            int space = value.indexOf(' ');
            if (space < 0) {
                throw new ImageException("invalid --change " + change + ": expected KEY=VALUE");
            }
            pairs.put(words.getFirst(), value.substring(space + 1).strip());
            return pairs;
        }
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new ImageException(
                        "invalid --change " + change + ": expected KEY=VALUE, got " + word);
            }
            pairs.put(word.substring(0, eq), word.substring(eq + 1));
        }
        return pairs;
    }

    private void setEnv(String key, String value) {
        env.removeIf(e -> e.startsWith(key + "="));
        env.add(key + "=" + value);
    }

    private String workingDir(String dir) {
        if (dir.startsWith("/")) {
            return dir;
        }
        String base = workingDir == null ? "/" : workingDir;
        return base.endsWith("/") ? base + dir : base + "/" + dir;
    }

    private void expose(String value, String change) throws ImageException {
        for (String port : words(required(value, change), change)) {
            String spec = port.contains("/") ? port.toLowerCase(Locale.ROOT) : port + "/tcp";
            if (!spec.matches("[0-9]{1,5}(-[0-9]{1,5})?/(tcp|udp|sctp)")) {
                throw new ImageException("invalid --change " + change + ": bad port " + port);
            }
            exposedPorts.put(spec, Map.of());
        }
    }

    /** Splits on blanks outside quotes; quotes and backslashes are removed as a shell would. */
    private static List<String> words(String text, String change) throws ImageException {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new ImageException("invalid --change " + change + ": unterminated quote");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static String required(String value, String change) throws ImageException {
        if (value.isEmpty()) {
            throw new ImageException("invalid --change " + change + ": missing value");
        }
        return value;
    }

    private ContainerConfig toContainerConfig() {
        return new ContainerConfig(
                user,
                exposedPorts.isEmpty() ? null : exposedPorts,
                env.isEmpty() ? null : env,
                entrypoint,
                cmd,
                workingDir,
                labels.isEmpty() ? null : labels,
                stopSignal);
    }
}
