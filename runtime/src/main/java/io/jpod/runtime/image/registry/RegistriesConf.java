package io.jpod.runtime.image.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * containers' registries.conf (version 2), the part of it jpod reads: {@code
 * unqualified-search-registries}, {@code [[registry]]} tables with {@code prefix}, {@code
 * location}, {@code insecure}, {@code blocked} and {@code [[registry.mirror]]}, and {@code
 * [aliases]}. Parsed as the TOML subset those use; other keys and tables are ignored.
 */
public record RegistriesConf(
        List<String> searchRegistries, List<Registry> registries, Map<String, String> aliases) {

    public static final RegistriesConf EMPTY = new RegistriesConf(List.of(), List.of(), Map.of());

    /** A {@code [[registry]]}; {@code prefix} defaults to {@code location}. */
    public record Registry(
            String prefix,
            String location,
            boolean insecure,
            boolean blocked,
            List<Mirror> mirrors) {}

    public record Mirror(String location, boolean insecure) {}

    public RegistriesConf {
        searchRegistries = List.copyOf(searchRegistries);
        registries = List.copyOf(registries);
        aliases = Map.copyOf(aliases);
    }

    /**
     * The user's {@code ~/.config/containers/registries.conf} if there is one, else {@code
     * /etc/containers/registries.conf}, then the {@code *.conf} drop-ins of {@code
     * registries.conf.d} in alphanumeric order as containers-registries.conf.d(5) has them: the
     * system's directory and then the user's, or only the user's when the user's main file was
     * read. A drop-in replaces what it sets: the search list, registries by prefix, aliases by
     * name.
     */
    public static RegistriesConf load(Map<String, String> env) throws IOException {
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        String config = env.get("XDG_CONFIG_HOME");
        Path userDir =
                (config != null && !config.isBlank() ? Path.of(config) : Path.of(home, ".config"))
                        .resolve("containers");
        Path systemDir = Path.of("/etc/containers");
        boolean userMain = Files.isRegularFile(userDir.resolve("registries.conf"));
        List<Path> files = new ArrayList<>();
        Path main = (userMain ? userDir : systemDir).resolve("registries.conf");
        if (Files.isRegularFile(main)) {
            files.add(main);
        }
        for (Path dir : userMain ? List.of(userDir) : List.of(systemDir, userDir)) {
            files.addAll(dropIns(dir.resolve("registries.conf.d")));
        }
        RegistriesConf conf = EMPTY;
        for (Path file : files) {
            try {
                conf = conf.overlay(Files.readString(file));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
        return conf;
    }

    private static List<Path> dropIns(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(f -> f.getFileName().toString().endsWith(".conf"))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .toList();
        }
    }

    /** This configuration with what {@code toml} sets put over it. */
    private RegistriesConf overlay(String toml) {
        Parsed next = read(toml);
        List<Registry> merged = new ArrayList<>(registries);
        for (Registry registry : next.conf().registries()) {
            merged.removeIf(r -> r.prefix().equals(registry.prefix()));
            merged.add(registry);
        }
        Map<String, String> allAliases = new LinkedHashMap<>(aliases);
        allAliases.putAll(next.conf().aliases());
        return new RegistriesConf(
                next.setsSearch() ? next.conf().searchRegistries() : searchRegistries,
                merged,
                allAliases);
    }

    /** One file's settings, and whether it set the search list at all (an empty one counts). */
    private record Parsed(RegistriesConf conf, boolean setsSearch) {}

    /** Throws IllegalArgumentException naming the line it cannot read. */
    public static RegistriesConf parse(String toml) {
        return read(toml).conf();
    }

    private static Parsed read(String toml) {
        List<String> search = new ArrayList<>();
        boolean setsSearch = false;
        List<Map<String, Object>> registries = new ArrayList<>();
        Map<String, String> aliases = new LinkedHashMap<>();
        String table = "";
        Map<String, Object> current = null;
        Map<String, Object> mirror = null;
        String[] lines = toml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]).strip();
            int number = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[[") && line.endsWith("]]")) {
                table = line.substring(2, line.length() - 2).strip();
                if (table.equals("registry")) {
                    current = new LinkedHashMap<>();
                    current.put("mirror", new ArrayList<Map<String, Object>>());
                    registries.add(current);
                    mirror = null;
                } else if (table.equals("registry.mirror")) {
                    if (current == null) {
                        throw new IllegalArgumentException(
                                "line " + number + ": [[registry.mirror]] outside a [[registry]]");
                    }
                    mirror = new LinkedHashMap<>();
                    mirrors(current).add(mirror);
                }
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                table = line.substring(1, line.length() - 1).strip();
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("line " + number + ": expected KEY = VALUE");
            }
            String key = unquote(line.substring(0, eq).strip());
            StringBuilder value = new StringBuilder(line.substring(eq + 1).strip());
            // arrays may span lines
            while (value.toString().startsWith("[")
                    && !closed(value.toString())
                    && i + 1 < lines.length) {
                value.append(' ').append(stripComment(lines[++i]).strip());
            }
            Object parsed = value(value.toString(), number);
            switch (table) {
                case "" -> {
                    if (key.equals("unqualified-search-registries")) {
                        setsSearch = true;
                        search.addAll(strings(parsed, key, number));
                    }
                }
                case "registry" -> current.put(key, parsed);
                case "registry.mirror" -> mirror.put(key, parsed);
                case "aliases" -> aliases.put(key, string(parsed, key, number));
                default -> {
                    // a table jpod does not read
                }
            }
        }
        List<Registry> result = new ArrayList<>();
        for (Map<String, Object> r : registries) {
            String location = r.get("location") instanceof String s ? s : "";
            String prefix = r.get("prefix") instanceof String s ? s : location;
            if (prefix.isEmpty()) {
                throw new IllegalArgumentException(
                        "a [[registry]] has neither prefix nor location");
            }
            List<Mirror> mirrors = new ArrayList<>();
            for (Map<String, Object> m : mirrors(r)) {
                if (m.get("location") instanceof String l) {
                    mirrors.add(new Mirror(l, Boolean.TRUE.equals(m.get("insecure"))));
                }
            }
            result.add(
                    new Registry(
                            prefix,
                            location.isEmpty() ? prefix : location,
                            Boolean.TRUE.equals(r.get("insecure")),
                            Boolean.TRUE.equals(r.get("blocked")),
                            mirrors));
        }
        return new Parsed(new RegistriesConf(search, result, aliases), setsSearch);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> mirrors(Map<String, Object> registry) {
        return (List<Map<String, Object>>) registry.get("mirror");
    }

    private static Object value(String text, int line) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        if (text.startsWith("\"") || text.startsWith("'")) {
            return unquote(text);
        }
        if (text.startsWith("[") && text.endsWith("]")) {
            List<String> items = new ArrayList<>();
            String inner = text.substring(1, text.length() - 1).strip();
            for (String item : splitTopLevel(inner)) {
                if (!item.isBlank()) {
                    items.add(unquote(item.strip()));
                }
            }
            return items;
        }
        if (text.matches("-?[0-9]+")) {
            return Long.parseLong(text);
        }
        throw new IllegalArgumentException("line " + line + ": cannot read value " + text);
    }

    private static List<String> splitTopLevel(String inner) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        char quote = 0;
        for (char c : inner.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                part.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                part.append(c);
            } else if (c == ',') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static boolean closed(String value) {
        return stripStrings(value).contains("]");
    }

    private static String stripStrings(String s) {
        return s.replaceAll("\"[^\"]*\"|'[^']*'", "");
    }

    private static String stripComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String unquote(String s) {
        if (s.length() >= 2
                && ((s.startsWith("\"") && s.endsWith("\""))
                        || (s.startsWith("'") && s.endsWith("'")))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static List<String> strings(Object value, String key, int line) {
        if (value instanceof List<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        throw new IllegalArgumentException("line " + line + ": " + key + " must be an array");
    }

    private static String string(Object value, String key, int line) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("line " + line + ": " + key + " must be a string");
    }
}
