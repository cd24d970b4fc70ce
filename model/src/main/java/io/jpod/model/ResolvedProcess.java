package io.jpod.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * The process to start for a container: argv, full environment, working directory and user ({@code
 * uid[:gid]} or name), and which variables hold a Secret's data, so that what shows the environment
 * can mask them. volumeMounts are the container's with every subPathExpr expanded into a subPath.
 */
public record ResolvedProcess(
        List<String> argv,
        LinkedHashMap<String, String> env,
        String workingDir,
        String user,
        Set<String> secretEnv,
        List<MountModel> volumeMounts) {}
