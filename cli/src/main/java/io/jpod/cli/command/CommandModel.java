package io.jpod.cli.command;

import picocli.CommandLine.Model.CommandSpec;

import java.util.List;

/**
 * jpod's picocli command models, one verb at a time: a short command builds only the top level and
 * its own verb. The build generates {@code GeneratedCommandModel} from the commands' annotations
 * (io.jpod.cli.build.CommandModelWriter); where it has not, picocli reads the annotations at run
 * time ({@link AnnotatedCommandModel}), to the same model but at many times the cost.
 */
public interface CommandModel {

    /** The top level, {@code jpod} with its global options and no verbs. */
    CommandSpec root();

    /** A verb by its name or alias, with its subcommands; null when jpod has no such verb. */
    default CommandSpec verb(String name) {
        return verb(name, null);
    }

    /**
     * As {@link #verb(String)}, but of a verb with subcommands only the one named {@code only} when
     * it has one of that name or alias: the command line that runs it needs no other.
     */
    CommandSpec verb(String name, String only);

    /** Every verb's name, in the order help lists them. */
    List<String> verbs();

    /** The generated model, else the annotated one. */
    static CommandModel load() {
        try {
            return (CommandModel)
                    Class.forName(CommandModel.class.getPackageName() + ".GeneratedCommandModel")
                            .getDeclaredConstructor()
                            .newInstance();
        } catch (ReflectiveOperationException e) {
            return new AnnotatedCommandModel();
        }
    }
}
