package io.jpod.cli.command;

import io.jpod.cli.ExitCodes;
import io.jpod.runtime.JpodException;
import io.jpod.runtime.pod.Engine;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code jpod cp SRC DST}, one of them {@code CONTAINER:PATH}. */
@Command(
        name = "cp",
        description =
                "Copy files and directories between a container and the host. Paths in the"
                        + " container resolve inside its root, as the container sees them: a"
                        + " symbolic link never leads out of it. `-` is a tar stream on stdin or"
                        + " stdout; SRC/. copies a directory's content. Files copied in belong to"
                        + " the container's user.",
        footer = {
            "Examples:",
            "  jpod cp web-app:/etc/nginx/nginx.conf .",
            "  jpod cp ./site web-app:/usr/share/html",
            "  jpod cp web-app:/var/log - | tar -t"
        })
public final class CpCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SRC", description = "CONTAINER:PATH, a host path or -.")
    String source;

    @Parameters(index = "1", paramLabel = "DEST", description = "CONTAINER:PATH, a host path or -.")
    String dest;

    @Override
    public Integer call() throws Exception {
        Engine engine = Engine.open(System.getenv());
        String[] from = split(source);
        String[] to = split(dest);
        if ((from == null) == (to == null)) {
            throw new JpodException(
                    "copying between containers or on the host alone is not supported: name one"
                            + " CONTAINER:PATH");
        }
        if (from != null) {
            if (dest.equals("-")) {
                engine.copyOut(from[0], from[1], System.out);
            } else {
                engine.copyOut(from[0], from[1], dest);
            }
        } else if (source.equals("-")) {
            engine.copyIn(System.in, to[0], to[1]);
        } else {
            engine.copyIn(source, to[0], to[1]);
        }
        return ExitCodes.OK;
    }

    /**
     * {@code CONTAINER:PATH} as its two parts, null for a host path: one that starts with / or .,
     * or has no colon, as podman reads them.
     */
    static String[] split(String arg) {
        int colon = arg.indexOf(':');
        if (colon <= 0 || arg.startsWith("/") || arg.startsWith(".")) {
            return null;
        }
        String path = arg.substring(colon + 1);
        return new String[] {arg.substring(0, colon), path.isEmpty() ? "/" : path};
    }
}
