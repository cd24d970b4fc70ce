package io.jpod.cli.format;

import io.jpod.cli.format.Node.Arg;
import io.jpod.cli.format.Node.Block;
import io.jpod.cli.format.Node.Command;
import io.jpod.cli.format.Node.Pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Walks parsed nodes against data, with Go's scoping of variables and dot. */
final class Evaluator {

    private record Variable(String name, Object[] value) {}

    private final StringBuilder out;
    private final List<Variable> variables = new ArrayList<>();

    Evaluator(StringBuilder out, Object root) {
        this.out = out;
        variables.add(new Variable("$", new Object[] {root}));
    }

    void run(List<Node> nodes, Object dot) throws TemplateException {
        for (Node node : nodes) {
            switch (node) {
                case Node.Text t -> out.append(t.text());
                case Node.Action a -> {
                    Object value = pipeline(a.pipeline(), dot);
                    if (a.pipeline().variables().isEmpty()) {
                        out.append(GoValues.print(value));
                    }
                }
                case Block b -> block(b, dot);
            }
        }
    }

    private void block(Block b, Object dot) throws TemplateException {
        int mark = variables.size();
        try {
            switch (b.kind()) {
                case IF ->
                        run(
                                GoValues.truth(pipeline(b.pipeline(), dot))
                                        ? b.body()
                                        : b.otherwise(),
                                dot);
                case WITH -> {
                    Object value = pipeline(b.pipeline(), dot);
                    if (GoValues.truth(value)) {
                        run(b.body(), value);
                    } else {
                        run(b.otherwise(), dot);
                    }
                }
                case RANGE -> range(b, dot);
            }
        } finally {
            variables.subList(mark, variables.size()).clear();
        }
    }

    private void range(Block b, Object dot) throws TemplateException {
        Pipeline p = b.pipeline();
        // the declared variables take each key and element, not the ranged value itself
        Object value = commands(p, dot);
        List<Object[]> entries = new ArrayList<>();
        switch (value) {
            case null -> {}
            case Map<?, ?> m -> {
                Map<String, Object> sorted = new TreeMap<>();
                m.forEach((k, v) -> sorted.put(String.valueOf(k), v));
                sorted.forEach((k, v) -> entries.add(new Object[] {k, v}));
            }
            case Collection<?> c -> {
                long i = 0;
                for (Object e : c) {
                    entries.add(new Object[] {i++, e});
                }
            }
            default -> {
                if (value == GoValues.NO_VALUE) {
                    break;
                }
                throw new TemplateException(
                        "template: range can't iterate over " + GoValues.print(value));
            }
        }
        if (entries.isEmpty()) {
            run(b.otherwise(), dot);
            return;
        }
        int mark = variables.size();
        for (Object[] entry : entries) {
            List<String> names = p.variables();
            if (names.size() == 1) {
                variables.add(new Variable(names.getFirst(), new Object[] {entry[1]}));
            } else if (names.size() == 2) {
                variables.add(new Variable(names.get(0), new Object[] {entry[0]}));
                variables.add(new Variable(names.get(1), new Object[] {entry[1]}));
            }
            run(b.body(), entry[1]);
            variables.subList(mark, variables.size()).clear();
        }
    }

    private Object pipeline(Pipeline p, Object dot) throws TemplateException {
        Object value = commands(p, dot);
        if (p.assign()) {
            lookup(p.variables().getFirst())[0] = value;
        } else {
            for (String name : p.variables()) {
                variables.add(new Variable(name, new Object[] {value}));
            }
        }
        return value;
    }

    private Object commands(Pipeline p, Object dot) throws TemplateException {
        Object value = null;
        boolean piped = false;
        for (Command c : p.commands()) {
            value = command(c, dot, piped, value);
            piped = true;
        }
        return value;
    }

    private Object command(Command c, Object dot, boolean piped, Object input)
            throws TemplateException {
        Arg first = c.args().getFirst();
        if (first instanceof Node.Identifier id) {
            Functions.Function f = Functions.find(id.name());
            if (f == null) {
                throw new TemplateException("template: function \"" + id.name() + "\" not defined");
            }
            List<Object> args = new ArrayList<>();
            for (Arg a : c.args().subList(1, c.args().size())) {
                args.add(operand(a, dot));
            }
            if (piped) {
                args.add(input);
            }
            return f.apply(args);
        }
        if (c.args().size() > 1 || piped) {
            throw new TemplateException(
                    "template: can't give argument to non-function " + describe(first));
        }
        return operand(first, dot);
    }

    private Object operand(Arg arg, Object dot) throws TemplateException {
        return switch (arg) {
            case Node.Literal l -> l.value();
            case Node.Field f ->
                    fields(f.variable() == null ? dot : lookup(f.variable())[0], f.names(), arg);
            case Node.Nested n -> commands(n.pipeline(), dot);
            case Node.Chain ch -> fields(operand(ch.operand(), dot), ch.names(), arg);
            case Node.Identifier id -> {
                Functions.Function f = Functions.find(id.name());
                if (f == null) {
                    throw new TemplateException(
                            "template: function \"" + id.name() + "\" not defined");
                }
                yield f.apply(List.of());
            }
        };
    }

    private static Object fields(Object receiver, List<String> names, Arg arg)
            throws TemplateException {
        Object value = receiver;
        for (String name : names) {
            value =
                    switch (value) {
                        case Header h -> h.field(name);
                        case GoStruct s -> {
                            if (!s.containsKey(name)) {
                                throw new TemplateException(
                                        "template: executing at <"
                                                + describe(arg)
                                                + ">: can't evaluate field "
                                                + name
                                                + " in type "
                                                + s.type());
                            }
                            yield s.get(name);
                        }
                        case Map<?, ?> m -> m.containsKey(name) ? m.get(name) : GoValues.NO_VALUE;
                        case null ->
                                throw new TemplateException(
                                        "template: executing at <"
                                                + describe(arg)
                                                + ">: nil pointer evaluating ."
                                                + name);
                        default ->
                                throw new TemplateException(
                                        "template: executing at <"
                                                + describe(arg)
                                                + ">: can't evaluate field "
                                                + name
                                                + " in type "
                                                + GoValues.kind(value));
                    };
        }
        return value;
    }

    private Object[] lookup(String name) throws TemplateException {
        for (int i = variables.size() - 1; i >= 0; i--) {
            if (variables.get(i).name().equals(name)) {
                return variables.get(i).value();
            }
        }
        throw new TemplateException("template: undefined variable: " + name);
    }

    private static String describe(Arg arg) {
        return switch (arg) {
            case Node.Field f ->
                    (f.variable() == null ? "" : f.variable())
                            + (f.names().isEmpty() && f.variable() == null
                                    ? "."
                                    : f.names().isEmpty() ? "" : "." + String.join(".", f.names()));
            case Node.Chain c -> "(...)." + String.join(".", c.names());
            case Node.Identifier id -> id.name();
            case Node.Literal l -> GoValues.print(l.value());
            case Node.Nested n -> "(...)";
        };
    }
}
