package io.jpod.model;

import io.jpod.model.yaml.ScalarKind;
import io.jpod.model.yaml.YMap;
import io.jpod.model.yaml.YNode;

/** Reading typed values that need a rule check on top of the YAML type. */
final class Values {
    private Values() {}

    /**
     * An enum field spelled as Kubernetes spells it; unknown spellings are errors listing the valid
     * ones.
     */
    static <E extends Enum<E> & Spelled> E enumValue(
            YMap m, String key, Class<E> type, E fallback) {
        String text = m.string(key);
        if (text == null) {
            return fallback;
        }
        E value = Spelled.parse(type, text);
        if (value == null) {
            m.error(
                    key,
                    "unsupported value \""
                            + text
                            + "\": supported values: "
                            + Spelled.choices(type));
            return fallback;
        }
        return value;
    }

    /** An integer within bounds; out-of-range values are errors and give null. */
    static Long bounded(YMap m, String key, long min, long max) {
        Long value = m.integer(key);
        if (value != null && (value < min || value > max)) {
            m.error(
                    key,
                    max >= Integer.MAX_VALUE
                            ? "must be greater than or equal to " + min
                            : "must be between " + min + " and " + max + ", inclusive");
            return null;
        }
        return value;
    }

    /** A file mode, 0 to 0777; YAML 1.1 reads {@code 0644} as octal, as Kubernetes does. */
    static Integer mode(YMap m, String key) {
        Long value = m.integer(key);
        if (value != null && (value < 0 || value > 0777)) {
            m.error(key, "must be a number between 0 and 0777 (octal), both inclusive");
            return null;
        }
        return value == null ? null : value.intValue();
    }

    /** A quantity written as a number or a string. */
    static Quantity quantity(YNode node) {
        ScalarKind kind = node.scalarKind();
        if (kind != ScalarKind.INT && kind != ScalarKind.FLOAT && kind != ScalarKind.STRING) {
            node.error("expected a quantity such as 500m or 1Gi");
            return null;
        }
        Quantity q = Quantity.parse(node.text());
        if (q == null) {
            node.error(
                    "invalid quantity \""
                            + node.text()
                            + "\": must match the regular expression "
                            + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
        }
        return q;
    }

    static Quantity quantity(YMap m, String key) {
        YNode v = m.get(key);
        return v == null ? null : quantity(v);
    }

    /** A name that must satisfy rule (a {@link Names} check); errors name the field. */
    static String name(YMap m, String key, java.util.function.Function<String, String> rule) {
        String value = m.requiredString(key);
        if (value != null) {
            String error = rule.apply(value);
            if (error != null) {
                m.error(key, error);
            }
        }
        return value;
    }
}
