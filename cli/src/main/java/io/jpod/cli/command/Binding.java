package io.jpod.cli.command;

import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where an option or parameter of {@code GeneratedCommandModel} keeps its value: a command's field,
 * or a method it calls, reached by lambdas instead of picocli's reflection.
 */
final class Binding implements IGetter, ISetter {

    private final Supplier<Object> get;
    private final Consumer<Object> set;
    private Object last;

    private Binding(Supplier<Object> get, Consumer<Object> set) {
        this.get = get;
        this.set = set;
    }

    /** A field: read and written where it is. */
    static Binding field(Supplier<Object> get, Consumer<Object> set) {
        return new Binding(get, set);
    }

    /** A setter method: picocli reads back the value it was last given, as its own binding does. */
    static Binding method(Consumer<Object> set) {
        return new Binding(null, set);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() {
        return (T) (get == null ? last : get.get());
    }

    @Override
    public <T> T set(T value) {
        T previous = get();
        set.accept(value);
        last = value;
        return previous;
    }
}
