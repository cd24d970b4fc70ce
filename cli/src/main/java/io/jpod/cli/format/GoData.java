package io.jpod.cli.format;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a JSON-shaped document (maps, lists, scalars) into template data: objects become {@link
 * GoStruct}s, so a misspelt field is an error as in podman, except the fields that podman types as
 * Go maps (labels, annotations, options, port maps), where a missing key is {@code <no value>}.
 */
public final class GoData {

    private static final Set<String> MAP_FIELDS =
            Set.of("Labels", "Annotations", "Options", "Ports", "Sysctls", "DriverOpts");

    private GoData() {}

    public static Object of(Object json, String type) {
        return convert(json, type, false);
    }

    private static Object convert(Object value, String type, boolean asMap) {
        return switch (value) {
            case Map<?, ?> m -> {
                Map<String, Object> out =
                        asMap ? new java.util.LinkedHashMap<>() : new GoStruct(type);
                m.forEach(
                        (k, v) -> {
                            String key = String.valueOf(k);
                            out.put(key, convert(v, key, MAP_FIELDS.contains(key)));
                        });
                yield out;
            }
            case Collection<?> c -> {
                List<Object> out = new ArrayList<>();
                c.forEach(v -> out.add(convert(v, type, false)));
                yield out;
            }
            case Integer i -> (long) i;
            default -> value;
        };
    }
}
