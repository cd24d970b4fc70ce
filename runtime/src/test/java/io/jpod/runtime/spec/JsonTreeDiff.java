package io.jpod.runtime.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Field-by-field differences between two JSON documents, each named by its path ($.a.b[2]). */
final class JsonTreeDiff {

    private JsonTreeDiff() {}

    static List<String> of(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        diff("$", expected, actual, out);
        return out;
    }

    private static void diff(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.isObject() && actual.isObject()) {
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (actual.has(field)) {
                    diff(path + "." + field, expected.get(field), actual.get(field), out);
                } else {
                    out.add(path + "." + field + ": missing, expected " + expected.get(field));
                }
            }
            for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!expected.has(field)) {
                    out.add(path + "." + field + ": unexpected " + actual.get(field));
                }
            }
        } else if (expected.isArray() && actual.isArray()) {
            int common = Math.min(expected.size(), actual.size());
            for (int i = 0; i < common; i++) {
                diff(path + "[" + i + "]", expected.get(i), actual.get(i), out);
            }
            for (int i = common; i < expected.size(); i++) {
                out.add(path + "[" + i + "]: missing, expected " + expected.get(i));
            }
            for (int i = common; i < actual.size(); i++) {
                out.add(path + "[" + i + "]: unexpected " + actual.get(i));
            }
        } else if (!expected.equals(actual)) {
            out.add(path + ": expected " + expected + " but was " + actual);
        }
    }
}
