package io.jpod.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.List;

/** The command models picocli builds by reflection over the annotations of {@link JpodCommand}. */
public final class AnnotatedCommandModel implements CommandModel {

    @Override
    public CommandSpec root() {
        return CommandSpec.forAnnotatedObject(new JpodRoot());
    }

    /** Every subcommand, whatever {@code only} says: reflection builds them all. */
    @Override
    public CommandSpec verb(String name, String only) {
        for (Class<?> verb : verbClasses()) {
            Command c = verb.getAnnotation(Command.class);
            if (c.name().equals(name) || List.of(c.aliases()).contains(name)) {
                return CommandSpec.forAnnotatedObject(verb);
            }
        }
        return null;
    }

    @Override
    public List<String> verbs() {
        List<String> names = new ArrayList<>();
        for (Class<?> verb : verbClasses()) {
            names.add(verb.getAnnotation(Command.class).name());
        }
        return names;
    }

    /** The verbs' classes, in the order {@link JpodCommand} lists them. */
    public static List<Class<?>> verbClasses() {
        return List.of(JpodCommand.class.getAnnotation(Command.class).subcommands());
    }
}
