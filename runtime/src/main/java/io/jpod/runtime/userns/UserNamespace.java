package io.jpod.runtime.userns;

import io.jpod.runtime.host.Catatonit;
import io.jpod.runtime.host.HostLayout;
import io.jpod.runtime.sys.HostProcesses;
import io.jpod.runtime.sys.Processes;
import io.jpod.runtime.systemd.ListenFds;

import java.io.IOException;
import java.util.Map;
import java.util.OptionalInt;

/** Entry point for commands that must act as root of jpod's user namespace. */
public final class UserNamespace {

    private UserNamespace() {}

    /**
     * For a rootless caller outside the namespace, runs this command again inside it and returns
     * its exit code; empty when the caller is root or already inside, and should simply go on.
     */
    public static OptionalInt enterIfNeeded(Map<String, String> env)
            throws IOException, InterruptedException {
        return enterIfNeeded(env, Reexec.Relaunch.SAME);
    }

    /**
     * The same, with the command's own arguments and environment changed as {@code relaunch} says.
     */
    public static OptionalInt enterIfNeeded(Map<String, String> env, Reexec.Relaunch relaunch)
            throws IOException, InterruptedException {
        HostLayout layout = HostLayout.detect(env);
        if (!layout.rootless() || layout.inUserNamespace()) {
            return OptionalInt.empty();
        }
        Processes processes = new HostProcesses();
        long pause = new PauseProcess(layout, processes, Catatonit.find()).ensure();
        if (ListenFds.from(env, ProcessHandle.current().pid()).isPresent()) {
            // the launcher's nsenter keeps them when the pause process already runs; this
            // re-exec is a child, which neither inherits them nor has the pid they are for
            System.err.println(
                    "Warning: the sockets of systemd's socket activation do not follow jpod into"
                            + " its user namespace when it has to start it first: start the unit"
                            + " again, or run a jpod command before it");
        }
        return OptionalInt.of(Reexec.inNamespace(layout, pause, processes, relaunch));
    }
}
