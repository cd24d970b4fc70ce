package io.jpod.runtime.sys;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Ends jpod. Helpers that outlive jpod (slirp4netns, the pause process) start as its children, and
 * the JDK's process reaper sits in waitpid for each; at exit HotSpot waits for such threads in
 * native code, about 300 ms (measured in bench/). With live children jpod flushes its output and
 * leaves through _exit instead.
 */
public final class ProcessExit {

    private ProcessExit() {}

    public static void exit(int code) {
        System.out.flush();
        System.err.flush();
        if (ProcessHandle.current().children().anyMatch(ProcessHandle::isAlive)) {
            try {
                MethodHandle exit =
                        Linker.nativeLinker()
                                .downcallHandle(
                                        Linker.nativeLinker()
                                                .defaultLookup()
                                                .find("_exit")
                                                .orElseThrow(),
                                        FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT));
                exit.invokeExact(code);
            } catch (Throwable e) {
                // no native access: fall back to the ordinary, slower exit
            }
        }
        System.exit(code);
    }
}
