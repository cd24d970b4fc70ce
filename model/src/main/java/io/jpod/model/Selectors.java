package io.jpod.model;

import io.jpod.model.yaml.YMap;
import io.jpod.model.yaml.YNode;

import java.util.List;
import java.util.Map;

/** Label selectors of workloads, which must select their own template. */
final class Selectors {
    private Selectors() {}

    /**
     * Reports an error if the selector does not match the template's labels, as apps/v1 requires.
     */
    static void check(YMap selector, Map<String, String> labels) {
        boolean matches = true;
        Map<String, String> matchLabels = selector.stringMap("matchLabels");
        for (var e : matchLabels.entrySet()) {
            matches &= e.getValue().equals(labels.get(e.getKey()));
        }
        for (YNode node : selector.items("matchExpressions")) {
            YMap x = node.map();
            if (x == null) {
                continue;
            }
            String key = x.requiredString("key");
            String operator = x.requiredString("operator");
            List<String> values = x.strings("values") == null ? List.of() : x.strings("values");
            x.finish();
            if (key == null || operator == null) {
                continue;
            }
            String value = labels.get(key);
            switch (operator) {
                case "In" -> matches &= value != null && values.contains(value);
                case "NotIn" -> matches &= value == null || !values.contains(value);
                case "Exists" -> matches &= value != null;
                case "DoesNotExist" -> matches &= value == null;
                default ->
                        x.error(
                                "operator",
                                "unsupported value \""
                                        + operator
                                        + "\": supported values: \"In\", \"NotIn\", \"Exists\","
                                        + " \"DoesNotExist\"");
            }
        }
        selector.finish();
        if (matchLabels.isEmpty() && selector.items("matchExpressions").isEmpty()) {
            selector.node().error("empty selector is invalid for deployment");
        } else if (!matches) {
            selector.node().error("`selector` does not match template `labels`");
        }
    }
}
