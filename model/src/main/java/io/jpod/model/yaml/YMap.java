package io.jpod.model.yaml;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A mapping being read. Every key a reader asks for becomes known; {@link #finish()} warns about
 * the rest, suggesting the nearest known key, which is how a typo like {@code comand} gets caught.
 */
public final class YMap {
    private final YNode self;
    private final Map<String, YNode> entries;
    private final Set<String> known = new LinkedHashSet<>();

    YMap(YNode self, Map<String, YNode> entries) {
        this.self = self;
        this.entries = entries;
    }

    public YNode node() {
        return self;
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    /** The value under key, or null when absent or written as null. */
    public YNode get(String key) {
        known.add(key);
        YNode value = entries.get(key);
        return value == null || value.isNull() ? null : value;
    }

    public boolean has(String key) {
        return get(key) != null;
    }

    public String string(String key) {
        YNode v = get(key);
        return v == null ? null : v.string();
    }

    /**
     * A string that must be present and non-empty; reports "required" at this mapping otherwise.
     */
    public String requiredString(String key) {
        String value = string(key);
        if (value == null && get(key) == null || value != null && value.isEmpty()) {
            missing(key);
        }
        return value == null || value.isEmpty() ? null : value;
    }

    public Long integer(String key) {
        YNode v = get(key);
        return v == null ? null : v.integer();
    }

    public Boolean bool(String key) {
        YNode v = get(key);
        return v == null ? null : v.bool();
    }

    public boolean flag(String key) {
        return Boolean.TRUE.equals(bool(key));
    }

    public YMap map(String key) {
        YNode v = get(key);
        return v == null ? null : v.map();
    }

    /** The list's items; empty when absent. */
    public List<YNode> items(String key) {
        YNode v = get(key);
        List<YNode> items = v == null ? null : v.items();
        return items == null ? List.of() : items;
    }

    /** A list of strings, null when absent. */
    public List<String> strings(String key) {
        YNode v = get(key);
        return v == null ? null : v.strings();
    }

    public Map<String, String> stringMap(String key) {
        YNode v = get(key);
        return v == null ? new LinkedHashMap<>() : v.stringMap();
    }

    public void missing(String key) {
        self.issues().error(self.mark(), self.pathTo(key), "required");
    }

    public void error(String key, String message) {
        YNode v = entries.get(key);
        if (v == null) {
            self.issues().error(self.mark(), self.pathTo(key), message);
        } else {
            v.error(message);
        }
    }

    /**
     * Keys that are valid Kubernetes but meaningless here (server-set, cluster-only): read
     * silently.
     */
    public void accept(String... keys) {
        known.addAll(List.of(keys));
    }

    /** Keys jpod cannot honour: one warning each when present, so nothing is ignored silently. */
    public void unsupported(String reason, String... keys) {
        for (String key : keys) {
            if (get(key) != null) {
                self.issues().warn(entries.get(key).keyMark(), self.pathTo(key), reason);
            }
        }
    }

    /** Warns about every key no reader asked for. */
    public void finish() {
        for (var e : entries.entrySet()) {
            if (!known.contains(e.getKey())) {
                String hint = Suggest.nearest(e.getKey(), known);
                self.issues()
                        .warn(
                                e.getValue().keyMark(),
                                e.getValue().path(),
                                "unknown field"
                                        + (hint == null ? "" : ", did you mean \"" + hint + "\"?"));
            }
        }
    }
}
