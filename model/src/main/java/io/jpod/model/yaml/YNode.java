package io.jpod.model.yaml;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node with its field path and file position. Typed getters report a type mismatch as an
 * error at the node and return null, so readers can carry on and collect every problem in one run.
 */
public final class YNode {
    private final Node node;
    private final String path;
    private final Mark mark;
    private final Mark keyMark;
    private final Issues issues;
    private final boolean listItem;
    private YMap mapping;
    private List<YNode> sequence;

    private YNode(
            Node node, String path, Mark mark, Mark keyMark, Issues issues, boolean listItem) {
        this.node = node;
        this.path = path;
        this.mark = mark;
        this.keyMark = keyMark;
        this.issues = issues;
        this.listItem = listItem;
    }

    static YNode root(Node node, String file, Issues issues) {
        Mark at = markOf(node, file);
        return new YNode(node, "", at, at, issues, false);
    }

    private YNode child(Node child, String childPath, Mark childKeyMark) {
        Mark at = markOf(child, mark.file());
        return new YNode(
                child, childPath, at, childKeyMark == null ? at : childKeyMark, issues, false);
    }

    private YNode item(Node child, String childPath) {
        Mark at = markOf(child, mark.file());
        return new YNode(child, childPath, at, at, issues, true);
    }

    static Mark markOf(Node node, String file) {
        return node.getStartMark()
                .map(m -> new Mark(file, m.getLine() + 1, m.getColumn() + 1))
                .orElse(new Mark(file, 0, 0));
    }

    public String path() {
        return path;
    }

    public Mark mark() {
        return mark;
    }

    public Issues issues() {
        return issues;
    }

    /** Path of a field below this node; keys that are not identifiers are bracketed. */
    public String pathTo(String key) {
        if (!isIdentifier(key)) {
            return path + "[" + key + "]";
        }
        return path.isEmpty() ? key : path + "." + key;
    }

    /**
     * {@code [A-Za-z_][A-Za-z0-9_-]*}, checked by hand: this runs for every key of every mapping,
     * and a regex would be compiled each time.
     */
    private static boolean isIdentifier(String key) {
        if (key.isEmpty() || !isLetter(key.charAt(0)) && key.charAt(0) != '_') {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!isLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    public void error(String message) {
        issues.error(mark, path, message);
    }

    public void warn(String message) {
        issues.warn(mark, path, message);
    }

    public boolean isNull() {
        return node instanceof ScalarNode s && s.isPlain() && ScalarKind.isNull(s.getValue());
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    public boolean isSequence() {
        return node instanceof SequenceNode;
    }

    /** The scalar's kind as Kubernetes would type it; null for collections. */
    public ScalarKind scalarKind() {
        if (!(node instanceof ScalarNode s)) {
            return null;
        }
        return s.isPlain() ? ScalarKind.ofPlain(s.getValue()) : ScalarKind.STRING;
    }

    /** The scalar's text whatever its kind, or null (with an error) for a collection. */
    public String text() {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        error("expected a scalar value, got " + (isMapping() ? "a mapping" : "a list"));
        return null;
    }

    /**
     * A string field; numbers and booleans are errors as in kubectl, which will not coerce them.
     */
    public String string() {
        ScalarKind kind = scalarKind();
        if (kind == ScalarKind.STRING) {
            return ((ScalarNode) node).getValue();
        }
        if (kind == ScalarKind.NULL) {
            return null;
        }
        if (kind == null) {
            error("expected a string, got " + (isMapping() ? "a mapping" : "a list"));
        } else {
            error(
                    "expected a string, got "
                            + kind.noun()
                            + " (quote it: \""
                            + ((ScalarNode) node).getValue()
                            + "\")");
        }
        return null;
    }

    public Long integer() {
        ScalarKind kind = scalarKind();
        if (kind == ScalarKind.INT) {
            try {
                return ScalarKind.parseInt(((ScalarNode) node).getValue());
            } catch (NumberFormatException e) {
                error("integer out of range");
                return null;
            }
        }
        if (kind != ScalarKind.NULL) {
            error("expected an integer, got " + describe());
        }
        return null;
    }

    public Boolean bool() {
        ScalarKind kind = scalarKind();
        if (kind == ScalarKind.BOOL) {
            return ScalarKind.isTrue(((ScalarNode) node).getValue());
        }
        if (kind != ScalarKind.NULL) {
            error("expected true or false, got " + describe());
        }
        return null;
    }

    private String describe() {
        ScalarKind kind = scalarKind();
        if (kind == null) {
            return isMapping() ? "a mapping" : "a list";
        }
        return kind == ScalarKind.STRING
                ? "\"" + ((ScalarNode) node).getValue() + "\""
                : kind.noun();
    }

    /**
     * A mapping, or null (with an error) for anything else but a null field. A null list item is an
     * error too: the API server reads it as an empty object, which its required fields then fail,
     * while dropping it silently could leave a pod with no containers.
     */
    public YMap map() {
        if (node instanceof MappingNode m) {
            if (mapping == null) {
                mapping = new YMap(this, entries(m)); // once, so duplicate keys are reported once
            }
            return mapping;
        }
        if (!isNull() || listItem) {
            error("expected a mapping, got " + describe());
        }
        return null;
    }

    /** A list's items, or null (with an error) for anything else but null. */
    public List<YNode> items() {
        if (node instanceof SequenceNode s) {
            if (sequence == null) {
                List<YNode> out = new ArrayList<>();
                for (int i = 0; i < s.getValue().size(); i++) {
                    out.add(item(s.getValue().get(i), path + "[" + i + "]"));
                }
                sequence = List.copyOf(out);
            }
            return sequence;
        }
        if (!isNull()) {
            error("expected a list, got " + describe());
        }
        return null;
    }

    /** A list of strings; null when absent, so an empty list stays distinct from none. */
    public List<String> strings() {
        List<YNode> items = items();
        if (items == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (YNode item : items) {
            String s = item.string();
            if (s != null) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** A string-to-string mapping such as labels; empty when absent. */
    public Map<String, String> stringMap() {
        YMap m = map();
        Map<String, String> out = new LinkedHashMap<>();
        if (m == null) {
            return out;
        }
        for (String key : m.keys()) {
            // `key:` with no value is null in YAML; Kubernetes decodes it as the empty string
            YNode v = m.get(key);
            String value = v == null ? null : v.string();
            out.put(key, value == null ? "" : value);
        }
        return out;
    }

    private Map<String, YNode> entries(MappingNode m) {
        Map<String, YNode> out = new LinkedHashMap<>();
        List<Map.Entry<Node, Node>> merged = new ArrayList<>();
        for (var tuple : m.getValue()) {
            Node key = tuple.getKeyNode();
            if (key instanceof ScalarNode s && s.isPlain() && s.getValue().equals("<<")) {
                mergeSources(tuple.getValueNode(), merged);
                continue;
            }
            if (!(key instanceof ScalarNode s)) {
                issues.error(markOf(key, mark.file()), path, "mapping keys must be strings");
                continue;
            }
            String name = s.getValue();
            if (out.containsKey(name)) {
                issues.error(
                        markOf(key, mark.file()), pathTo(name), "duplicate key \"" + name + "\"");
                continue;
            }
            out.put(name, child(tuple.getValueNode(), pathTo(name), markOf(key, mark.file())));
        }
        // YAML merge keys: explicit entries win over merged ones, as go-yaml does.
        for (var e : merged) {
            if (e.getKey() instanceof ScalarNode s && !out.containsKey(s.getValue())) {
                out.put(
                        s.getValue(),
                        child(e.getValue(), pathTo(s.getValue()), markOf(s, mark.file())));
            }
        }
        return out;
    }

    private void mergeSources(Node source, List<Map.Entry<Node, Node>> into) {
        if (source instanceof MappingNode m) {
            m.getValue().forEach(t -> into.add(Map.entry(t.getKeyNode(), t.getValueNode())));
        } else if (source instanceof SequenceNode s) {
            s.getValue().forEach(n -> mergeSources(n, into));
        }
    }

    /**
     * Where this value's key is written, for unknown-field warnings; the value's own mark
     * otherwise.
     */
    public Mark keyMark() {
        return keyMark;
    }
}
