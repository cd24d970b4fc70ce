package io.jpod.model;

import java.util.Map;

/**
 * Kubernetes' {@code $(VAR)} expansion: a defined variable is replaced, an undefined one is left as
 * written, {@code $$} is a literal {@code $}, and any other {@code $} stays as it is.
 */
final class EnvExpansion {
    private EnvExpansion() {}

    /** The names {@code $(NAME)} refers to in {@code input}, as {@link #expand} reads them. */
    static java.util.List<String> references(String input) {
        java.util.List<String> names = new java.util.ArrayList<>();
        int i = 0;
        while (i + 1 < input.length()) {
            if (input.charAt(i) != '$') {
                i++;
            } else if (input.charAt(i + 1) == '(' && input.indexOf(')', i + 2) > 0) {
                int close = input.indexOf(')', i + 2);
                names.add(input.substring(i + 2, close));
                i = close + 1;
            } else {
                i += 2;
            }
        }
        return names;
    }

    static String expand(String input, Map<String, String> vars) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (c != '$' || i + 1 == input.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = input.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '(') {
                int close = input.indexOf(')', i + 2);
                if (close < 0) {
                    out.append("$(");
                    i += 2;
                } else {
                    String name = input.substring(i + 2, close);
                    String value = vars.get(name);
                    out.append(value != null ? value : "$(" + name + ")");
                    i = close + 1;
                }
            } else {
                out.append('$').append(next);
                i += 2;
            }
        }
        return out.toString();
    }
}
