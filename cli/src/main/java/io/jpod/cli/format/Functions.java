package io.jpod.cli.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Go's template built-ins and the functions podman adds (json, join, upper, lower, ...). */
final class Functions {

    @FunctionalInterface
    interface Function {
        Object apply(List<Object> args) throws TemplateException;
    }

    private static final Map<String, Function> ALL =
            Map.ofEntries(
                    Map.entry("and", Functions::and),
                    Map.entry("or", Functions::or),
                    Map.entry("not", a -> !GoValues.truth(one("not", a))),
                    Map.entry("len", a -> len(one("len", a))),
                    Map.entry("index", Functions::index),
                    Map.entry("eq", Functions::eq),
                    Map.entry("ne", a -> !GoValues.equal(arg(a, 0, "ne"), arg(a, 1, "ne"))),
                    Map.entry("lt", a -> cmp(a, "lt") < 0),
                    Map.entry("le", a -> cmp(a, "le") <= 0),
                    Map.entry("gt", a -> cmp(a, "gt") > 0),
                    Map.entry("ge", a -> cmp(a, "ge") >= 0),
                    Map.entry("print", Functions::print),
                    Map.entry("println", a -> joinPrinted(a, " ") + "\n"),
                    Map.entry("printf", Functions::printf),
                    Map.entry("json", a -> json(one("json", a))),
                    Map.entry("join", Functions::join),
                    Map.entry("split", a -> split(text(a, 0, "split"), text(a, 1, "split"))),
                    Map.entry("upper", a -> text(a, 0, "upper").toUpperCase(Locale.ROOT)),
                    Map.entry("lower", a -> text(a, 0, "lower").toLowerCase(Locale.ROOT)),
                    Map.entry("title", a -> title(text(a, 0, "title"))),
                    Map.entry("truncate", Functions::truncate),
                    Map.entry("pad", Functions::pad));

    private static ObjectMapper mapper;

    private Functions() {}

    static Function find(String name) {
        return ALL.get(name);
    }

    private static Object one(String name, List<Object> args) throws TemplateException {
        if (args.size() != 1) {
            throw wrongCount(name, 1, args.size());
        }
        return args.getFirst();
    }

    private static Object arg(List<Object> args, int i, String name) throws TemplateException {
        if (args.size() <= i) {
            throw wrongCount(name, i + 1, args.size());
        }
        return args.get(i);
    }

    private static String text(List<Object> args, int i, String name) throws TemplateException {
        return GoValues.print(arg(args, i, name));
    }

    private static TemplateException wrongCount(String name, int want, int got) {
        return new TemplateException(
                "template: wrong number of args for " + name + ": want " + want + " got " + got);
    }

    private static Object and(List<Object> args) throws TemplateException {
        if (args.isEmpty()) {
            throw wrongCount("and", 1, 0);
        }
        for (Object a : args) {
            if (!GoValues.truth(a)) {
                return a;
            }
        }
        return args.getLast();
    }

    private static Object or(List<Object> args) throws TemplateException {
        if (args.isEmpty()) {
            throw wrongCount("or", 1, 0);
        }
        for (Object a : args) {
            if (GoValues.truth(a)) {
                return a;
            }
        }
        return args.getLast();
    }

    private static Object len(Object value) throws TemplateException {
        return switch (value) {
            case CharSequence s -> (long) s.toString().getBytes().length;
            case Map<?, ?> m -> (long) m.size();
            case Collection<?> c -> (long) c.size();
            default ->
                    throw new TemplateException(
                            "template: len of type " + GoValues.kind(value) + " is not defined");
        };
    }

    private static Object index(List<Object> args) throws TemplateException {
        Object item = arg(args, 0, "index");
        for (Object key : args.subList(1, args.size())) {
            item =
                    switch (item) {
                        case Map<?, ?> m ->
                                m.containsKey(String.valueOf(key))
                                        ? m.get(String.valueOf(key))
                                        : GoValues.NO_VALUE;
                        case List<?> l -> {
                            if (!(key instanceof Number n) || !GoValues.isIntegral(n)) {
                                throw new TemplateException(
                                        "template: cannot index slice with " + GoValues.kind(key));
                            }
                            if (n.longValue() < 0 || n.longValue() >= l.size()) {
                                throw new TemplateException(
                                        "template: error calling index: index out of range: " + n);
                            }
                            yield l.get(n.intValue());
                        }
                        default ->
                                throw new TemplateException(
                                        "template: can't index item of type "
                                                + GoValues.kind(item));
                    };
        }
        return item;
    }

    private static Object eq(List<Object> args) throws TemplateException {
        Object first = arg(args, 0, "eq");
        arg(args, 1, "eq");
        for (Object other : args.subList(1, args.size())) {
            if (GoValues.equal(first, other)) {
                return true;
            }
        }
        return false;
    }

    private static int cmp(List<Object> args, String name) throws TemplateException {
        if (args.size() != 2) {
            throw wrongCount(name, 2, args.size());
        }
        return GoValues.compare(args.get(0), args.get(1));
    }

    /** Go's fmt.Sprint: spaces only between operands when neither is a string. */
    private static Object print(List<Object> args) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            boolean strings =
                    i > 0
                            && (args.get(i) instanceof CharSequence
                                    || args.get(i - 1) instanceof CharSequence);
            if (i > 0 && !strings) {
                sb.append(' ');
            }
            sb.append(GoValues.print(args.get(i)));
        }
        return sb.toString();
    }

    private static String joinPrinted(List<Object> args, String separator) {
        List<String> parts = new ArrayList<>();
        args.forEach(a -> parts.add(GoValues.print(a)));
        return String.join(separator, parts);
    }

    private static Object printf(List<Object> args) throws TemplateException {
        return Printf.format(text(args, 0, "printf"), args.subList(1, args.size()));
    }

    static String json(Object value) throws TemplateException {
        try {
            if (mapper == null) {
                mapper = new ObjectMapper();
            }
            return mapper.writeValueAsString(goOrder(value));
        } catch (JsonProcessingException e) {
            throw new TemplateException("template: error calling json: " + e.getOriginalMessage());
        }
    }

    /** Go's encoder writes a map's keys sorted, a struct's fields in their order. */
    private static Object goOrder(Object value) {
        return switch (value) {
            case GoStruct s -> {
                Map<String, Object> out = new java.util.LinkedHashMap<>();
                s.forEach((k, v) -> out.put(k, goOrder(v)));
                yield out;
            }
            case Map<?, ?> m -> {
                Map<String, Object> out = new java.util.TreeMap<>();
                m.forEach((k, v) -> out.put(String.valueOf(k), goOrder(v)));
                yield out;
            }
            case Collection<?> c -> c.stream().map(Functions::goOrder).toList();
            case Header h -> h.label();
            default -> value == GoValues.NO_VALUE ? null : value;
        };
    }

    private static Object join(List<Object> args) throws TemplateException {
        if (args.size() != 2) {
            throw wrongCount("join", 2, args.size());
        }
        if (!(args.get(0) instanceof Collection<?> items)) {
            throw new TemplateException(
                    "template: error calling join: wrong type for value; expected []string; got "
                            + GoValues.kind(args.get(0)));
        }
        List<String> parts = new ArrayList<>();
        items.forEach(i -> parts.add(GoValues.print(i)));
        return String.join(GoValues.print(args.get(1)), parts);
    }

    private static Object split(String s, String separator) {
        if (separator.isEmpty()) {
            return Arrays.asList(s.split(""));
        }
        List<Object> parts = new ArrayList<>();
        int from = 0;
        for (int at; (at = s.indexOf(separator, from)) >= 0; from = at + separator.length()) {
            parts.add(s.substring(from, at));
        }
        parts.add(s.substring(from));
        return parts;
    }

    private static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (char c : s.toCharArray()) {
            sb.append(start ? Character.toTitleCase(c) : c);
            start = !Character.isLetterOrDigit(c) && c != '_' && c != '\'';
        }
        return sb.toString();
    }

    private static Object truncate(List<Object> args) throws TemplateException {
        String s = text(args, 0, "truncate");
        if (!(arg(args, 1, "truncate") instanceof Number n)) {
            throw new TemplateException("template: truncate wants a length");
        }
        return s.length() > n.intValue() ? s.substring(0, n.intValue()) : s;
    }

    /** podman's pad: the text with {@code before} spaces before it and {@code after} after. */
    private static Object pad(List<Object> args) throws TemplateException {
        String s = text(args, 0, "pad");
        if (!(arg(args, 1, "pad") instanceof Number before)
                || !(arg(args, 2, "pad") instanceof Number after)) {
            throw new TemplateException("template: pad wants two widths");
        }
        return " ".repeat(before.intValue()) + s + " ".repeat(after.intValue());
    }
}
