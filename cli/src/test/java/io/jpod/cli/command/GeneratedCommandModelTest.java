package io.jpod.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command model the build generates is the one picocli reads from the annotations: the same
 * verbs, options, parameters and their every attribute, the same help and completion.
 */
class GeneratedCommandModelTest {

    private final CommandModel generated = CommandModel.load();
    private final CommandModel annotated = new AnnotatedCommandModel();

    @Test
    void theBuildGeneratedTheModel() {
        assertInstanceOf(
                GeneratedCommandModel.class,
                generated,
                "cli/pom.xml runs io.jpod.cli.build.CommandModelWriter after compiling");
    }

    @Test
    void everyVerbIsTheSame() {
        assertEquals(annotated.verbs(), generated.verbs());
        assertEquals(describe(annotated.root()), describe(generated.root()));
        for (String verb : annotated.verbs()) {
            assertEquals(describe(whole(annotated, verb)), describe(whole(generated, verb)), verb);
        }
    }

    @Test
    void aliasesFindTheSameVerbs() {
        for (String alias : List.of("kube", "image", "pod")) {
            assertEquals(describe(annotated.verb(alias)), describe(generated.verb(alias)), alias);
        }
        assertEquals(null, generated.verb("pood"));
    }

    @Test
    void parsedValuesReadBackThroughTheirBindings() {
        for (CommandModel model : List.of(annotated, generated)) {
            String name = model.getClass().getSimpleName();
            // a setter method's option, and a field's
            CommandLine root = new CommandLine(model.root());
            root.parseArgs("--log-level", "warn");
            assertEquals("warn", root.getCommandSpec().findOption("--log-level").getValue(), name);
            CommandLine version = new CommandLine(model.verb("version"));
            version.parseArgs("--format", "json");
            assertEquals("json", version.getCommandSpec().findOption("--format").getValue(), name);
        }
    }

    @Test
    void completionScriptsAreTheSame() {
        assertEquals(
                AutoComplete.bash("jpod", whole(annotated)),
                AutoComplete.bash("jpod", whole(generated)));
    }

    /** The top level with one verb, as a command line for it has it. */
    private static CommandLine whole(CommandModel model, String verb) {
        CommandSpec root = model.root();
        root.addSubcommand(verb, model.verb(verb));
        return new CommandLine(root).getSubcommands().get(verb);
    }

    private static CommandLine whole(CommandModel model) {
        CommandSpec root = model.root();
        for (String verb : model.verbs()) {
            root.addSubcommand(verb, model.verb(verb));
        }
        return new CommandLine(root);
    }

    private static String describe(CommandSpec spec) {
        return describe(new CommandLine(spec));
    }

    /** Everything a user meets of a command: its help, and each argument's attributes. */
    private static String describe(CommandLine line) {
        CommandSpec spec = line.getCommandSpec();
        List<String> lines = new ArrayList<>();
        lines.add("command " + spec.qualifiedName() + " " + Arrays.toString(spec.aliases()));
        lines.add(line.getUsageMessage(CommandLine.Help.Ansi.OFF));
        lines.add("mixins " + spec.mixins().keySet());
        lines.add("version " + Arrays.toString(spec.version()));
        lines.add("scope " + spec.scopeType());
        for (ArgSpec arg : spec.args()) {
            lines.add(describe(arg));
        }
        for (CommandLine sub : line.getSubcommands().values()) {
            lines.add(describe(sub));
        }
        return String.join("\n", lines);
    }

    private static String describe(ArgSpec a) {
        List<Object> d = new ArrayList<>();
        if (a instanceof OptionSpec o) {
            d.add(Arrays.toString(o.names()));
            d.add(o.negatable());
            d.add(o.usageHelp());
            d.add(o.versionHelp());
            d.add(o.fallbackValue());
            d.add(o.order());
        } else {
            d.add(((PositionalParamSpec) a).index());
        }
        CommandLine.Range r = a.arity();
        d.add(r + "/" + r.isUnspecified() + "/" + r.isVariable() + "/" + r.originalValue());
        d.add(a.type());
        d.add(Arrays.toString(a.auxiliaryTypes()));
        d.add(a.typeInfo().isMultiValue() + "/" + a.typeInfo().isEnum());
        d.add(a.paramLabel());
        d.add(Arrays.toString(a.description()));
        d.add(a.defaultValue());
        d.add(a.required());
        d.add(a.hidden());
        d.add(a.interactive());
        d.add(a.hideParamSyntax());
        d.add(a.splitRegex());
        d.add(a.scopeType());
        d.add(a.inherited());
        d.add(a.showDefaultValue());
        d.add(a.parameterConsumer() == null ? null : a.parameterConsumer().getClass());
        d.add(a.converters().length);
        d.add(a.completionCandidates() == null ? null : String.valueOf(a.completionCandidates()));
        d.add(a.hasInitialValue());
        d.add(a.initialValue());
        d.add(a.toString());
        return d.toString();
    }
}
