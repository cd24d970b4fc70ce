package io.jpod.cli.command;

/** Whether jpod talks to a person: progress redraws in place, archives refuse to go there. */
final class Terminal {

    private Terminal() {}

    static boolean attached() {
        var console = System.console();
        return console != null && console.isTerminal();
    }
}
