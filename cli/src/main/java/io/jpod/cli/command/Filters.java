package io.jpod.cli.command;

import io.jpod.runtime.JpodException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code --filter KEY=VALUE} as podman combines them: values of one key match if any matches,
 * different keys must all match, and every {@code label} filter must match.
 */
final class Filters {

    private final Map<String, List<String>> byKey;

    private Filters(Map<String, List<String>> byKey) {
        this.byKey = byKey;
    }

    /** Parses the filters a command was given, refusing keys it does not know. */
    static Filters parse(List<String> specs, Set<String> keys) throws JpodException {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        for (String spec : specs == null ? List.<String>of() : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new JpodException("invalid filter \"" + spec + "\": want KEY=VALUE");
            }
            String key = spec.substring(0, eq);
            if (!keys.contains(key)) {
                throw new JpodException(
                        "invalid filter \""
                                + key
                                + "\": known filters are "
                                + String.join(", ", keys.stream().sorted().toList()));
            }
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(spec.substring(eq + 1));
        }
        return new Filters(byKey);
    }

    /** True when no filter has this key, or one of its values passes the test. */
    boolean any(String key, Predicate<String> test) {
        List<String> values = byKey.get(key);
        return values == null || values.stream().anyMatch(test);
    }

    /** {@code label=k} (present) and {@code label=k=v} (equal), every one of them. */
    boolean labels(Map<String, String> labels) {
        for (String want : byKey.getOrDefault("label", List.of())) {
            int eq = want.indexOf('=');
            boolean ok =
                    eq < 0
                            ? labels.containsKey(want)
                            : want.substring(eq + 1).equals(labels.get(want.substring(0, eq)));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** podman's name filter: a regular expression found anywhere in the name. */
    boolean names(String key, String name) throws JpodException {
        for (String value : byKey.getOrDefault(key, List.of())) {
            try {
                if (Pattern.compile(value).matcher(name).find()) {
                    return true;
                }
            } catch (PatternSyntaxException e) {
                throw new JpodException(
                        "invalid " + key + " filter \"" + value + "\": " + e.getDescription());
            }
        }
        return !byKey.containsKey(key);
    }

    boolean has(String key) {
        return byKey.containsKey(key);
    }
}
