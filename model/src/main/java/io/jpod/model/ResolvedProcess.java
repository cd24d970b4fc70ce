package io.jpod.model;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * The process to start for a container: argv, full environment, working directory and user ({@code
 * uid[:gid]} or name).
 */
public record ResolvedProcess(
        List<String> argv, LinkedHashMap<String, String> env, String workingDir, String user) {}
