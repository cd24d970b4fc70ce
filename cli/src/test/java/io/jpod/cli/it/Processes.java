package io.jpod.cli.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Looks at the host's processes from the test, through /proc. */
final class Processes {

    private Processes() {}

    /** True when the pid exists and is not a zombie. */
    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    static boolean anyCommandLineContains(String text) throws IOException {
        for (Path p : pids()) {
            String cmdline = cmdline(p);
            if (cmdline.contains(text) && running(Long.parseLong(p.getFileName().toString()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every live process jpod made for this test's pods: whatever runs in the test's user namespace
     * except the pause process that holds it (conmon, runc, runc init, the infra's catatonit,
     * slirp4netns, pasta, the containers' own processes), and anything else whose command line
     * names the test's data or run directory. One line per process: pid, name and command line.
     */
    static List<String> podProcesses(Jpod jpod) throws IOException {
        long pause = pausePid(jpod);
        Path userns = pause > 0 ? namespace(pause) : null;
        List<String> found = new ArrayList<>();
        for (Path p : pids()) {
            long pid = Long.parseLong(p.getFileName().toString());
            if (pid == pause || pid == ProcessHandle.current().pid() || !running(pid)) {
                continue;
            }
            String cmdline = cmdline(p);
            boolean inNamespace = userns != null && userns.equals(namespace(pid));
            boolean namesTheStore =
                    cmdline.contains(jpod.dataDir().toString())
                            || cmdline.contains(jpod.runDir().toString());
            if (inNamespace || namesTheStore) {
                found.add(pid + " " + comm(p) + " " + cmdline);
            }
        }
        return found;
    }

    /**
     * {@link #podProcesses}, once they have gone or after a generous deadline: processes that were
     * told to go take a moment to.
     */
    static List<String> podProcessesAfterSettling(Jpod jpod)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        List<String> left = podProcesses(jpod);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            left = podProcesses(jpod);
        }
        return left;
    }

    /** Mount points below the test's data or run directory in jpod's mount namespace. */
    static List<String> podMounts(Jpod jpod) throws IOException {
        long pause = pausePid(jpod);
        List<String> found = new ArrayList<>();
        if (pause <= 0) {
            return found;
        }
        for (String line :
                Files.readAllLines(Path.of("/proc", Long.toString(pause), "mountinfo"))) {
            String[] f = line.split(" ");
            if (f.length > 4
                    && (f[4].startsWith(jpod.dataDir() + "/")
                            || f[4].startsWith(jpod.runDir() + "/"))) {
                found.add(f[4]);
            }
        }
        return found;
    }

    private static long pausePid(Jpod jpod) throws IOException {
        Path file = jpod.runDir().resolve("pause.pid");
        if (!Files.exists(file)) {
            return 0;
        }
        return Long.parseLong(Files.readString(file).strip().split(" ")[0]);
    }

    private static Path namespace(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "user"));
        } catch (IOException e) {
            return null;
        }
    }

    private static List<Path> pids() throws IOException {
        List<Path> all = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            procs.forEach(all::add);
        }
        return all;
    }

    private static String cmdline(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ')
                    .strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static String comm(Path proc) {
        try {
            return Files.readString(proc.resolve("comm")).strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
