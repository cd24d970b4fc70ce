package io.jpod.runtime.image.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code WWW-Authenticate} challenge (RFC 7235): {@code Bearer
 * realm="https://auth.example/token",service="registry.example",scope="repository:app:pull"} or
 * {@code Basic realm="..."}.
 *
 * @param scheme lower case: {@code bearer} or {@code basic}
 * @param params parameter names lower case
 */
public record AuthChallenge(String scheme, Map<String, String> params) {

    public AuthChallenge {
        params = Map.copyOf(params);
    }

    public boolean bearer() {
        return scheme.equals("bearer");
    }

    public boolean basic() {
        return scheme.equals("basic");
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** Parses the first challenge of a header value; empty when there is none to parse. */
    public static Optional<AuthChallenge> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String text = header.strip();
        int space = text.indexOf(' ');
        String scheme = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        int i = space < 0 ? text.length() : space + 1;
        while (i < text.length()) {
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
                i++;
            }
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = text.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            i = eq + 1;
            if (i < text.length() && text.charAt(i) == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    char c = text.charAt(i);
                    if (c == '\\' && i + 1 < text.length()) {
                        c = text.charAt(++i);
                    }
                    value.append(c);
                    i++;
                }
                i++;
            } else {
                while (i < text.length() && text.charAt(i) != ',') {
                    value.append(text.charAt(i++));
                }
            }
            params.put(name, value.toString().strip());
        }
        return Optional.of(new AuthChallenge(scheme, params));
    }
}
