package io.jpod.runtime.sys;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Ends jpod. Helpers that outlive jpod (slirp4netns, the pause process) start as its children, and
 * the JDK's process reaper sits in waitpid for each; at exit HotSpot waits for such threads in
 * native code, about 300 ms (measured in bench/). With live children jpod flushes its output and
 * leaves through _exit instead, and otherwise through {@link Runtime#halt}.
 */
public final class ProcessExit {

    private ProcessExit() {}

    /** _exit's handle once {@link #prepare} made it. */
    private static volatile MethodHandle prepared;

    public static void exit(int code) {
        System.out.flush();
        System.err.flush();
        if (hasChildren()) {
            try {
                MethodHandle exit = prepared;
                (exit == null ? exitHandle() : exit).invokeExact(code);
            } catch (Throwable e) {
                // no native access: fall back to the ordinary, slower exit
            }
        }
        // jpod registers no shutdown hook, and since JDK 21 System.exit first asks the
        // System.Logger
        // machinery whether to log the exit, which looks for a logging backend in every jar of the
        // class path: halt ends the same way without that
        Runtime.getRuntime().halt(code);
    }

    /**
     * Makes _exit's handle ahead of {@link #exit}, for a command that will leave children behind (a
     * play's network helper): the JDK spins code for a downcall, ~10 ms of a cold JVM, which a
     * spare thread can spend while the command works.
     */
    public static void prepare() {
        try {
            prepared = exitHandle();
        } catch (RuntimeException e) {
            // no native access: exit falls back as it would have
        }
    }

    private static MethodHandle exitHandle() {
        Linker linker = Linker.nativeLinker();
        return linker.downcallHandle(
                linker.defaultLookup().find("_exit").orElseThrow(),
                FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT));
    }

    /**
     * Whether jpod has child processes, from the kernel's list of each thread's children: {@link
     * ProcessHandle#children()} would read the status of every process on the host, and start the
     * JDK's process machinery in a command that never started a process. Read through java.io:
     * NIO's directory stream and string reading cost a cold JVM more than the reads themselves.
     */
    static boolean hasChildren() {
        String[] threads = new File("/proc/self/task").list();
        if (threads == null) {
            return anyLiveChild();
        }
        for (String thread : threads) {
            // the pids of the thread's children, each followed by a space; empty when none
            try (FileInputStream in =
                    new FileInputStream("/proc/self/task/" + thread + "/children")) {
                if (in.read() > 0) {
                    return true;
                }
            } catch (IOException e) {
                // a thread that ended while its children moved to another (the kernel's lists
                // are no snapshot), or a kernel without the files (CONFIG_PROC_CHILDREN)
                return anyLiveChild();
            }
        }
        return false;
    }

    /** The slow, whole answer. */
    private static boolean anyLiveChild() {
        return ProcessHandle.current().children().anyMatch(ProcessHandle::isAlive);
    }
}
