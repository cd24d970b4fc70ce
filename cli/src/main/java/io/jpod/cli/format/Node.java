package io.jpod.cli.format;

import java.util.List;

/** The parsed form of a template: text, actions and the control structures around them. */
sealed interface Node {

    /** Literal text, copied as it is. */
    record Text(String text) implements Node {}

    /** {@code {{pipeline}}}: its value is printed unless the pipeline declares variables. */
    record Action(Pipeline pipeline) implements Node {}

    /** {@code {{if}}}, {@code {{with}}} ({@code with} sets dot) and {@code {{range}}}. */
    record Block(Kind kind, Pipeline pipeline, List<Node> body, List<Node> otherwise)
            implements Node {}

    enum Kind {
        IF,
        WITH,
        RANGE
    }

    /** Commands joined by {@code |}; each one's value becomes the last argument of the next. */
    record Pipeline(List<String> variables, boolean assign, List<Command> commands, int column) {}

    /** A function call, or a single operand. */
    record Command(List<Arg> args) {}

    sealed interface Arg {}

    /** {@code .A.B} applied to dot, or {@code $x.A.B} (variable non-null) applied to a variable. */
    record Field(String variable, List<String> names) implements Arg {}

    /** A string, number, boolean or nil. */
    record Literal(Object value) implements Arg {}

    /** A function name. */
    record Identifier(String name) implements Arg {}

    /** {@code (pipeline)} as an operand. */
    record Nested(Pipeline pipeline) implements Arg {}

    /** {@code .A} applied to the value of a parenthesised pipeline: {@code (index .X 0).Name}. */
    record Chain(Arg operand, List<String> names) implements Arg {}
}
