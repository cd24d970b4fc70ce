package io.jpod.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Works out the process a container runs, by Kubernetes' rules: the kubelet builds the environment
 * from envFrom then env, expanding {@code $(VAR)} against what it has built so far (never the
 * image's env); the runtime lays that over the image env and picks argv from command/args and the
 * image.
 */
public final class ContainerResolver {
    static final String DEFAULT_PATH =
            "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private ContainerResolver() {}

    public static ResolvedProcess resolve(
            PodModel pod, ContainerModel c, ImageDefaults image, PodContext ctx, ManifestSet refs)
            throws ManifestException {
        List<Problem> problems = new ArrayList<>();
        Set<String> secretEnv = new TreeSet<>();
        Map<String, String> kubelet = kubeletEnv(pod, c, ctx, refs, problems, secretEnv);
        LinkedHashMap<String, String> env = new LinkedHashMap<>();
        env.put(
                "PATH",
                DEFAULT_PATH); // the runtime's default, replaced by the image's PATH if it has one
        env.put(
                "HOSTNAME",
                pod.hostname()); // set by container runtimes; an image ENV may override it
        for (String entry : orEmpty(image.env())) {
            int eq = entry.indexOf('=');
            env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
        }
        env.putAll(kubelet);

        List<String> argv = argv(c, image, kubelet);
        if (argv.isEmpty()) {
            problems.add(
                    problem(
                            c,
                            "no command specified: the container sets none and the image has no"
                                    + " Entrypoint or Cmd"));
        }
        List<MountModel> mounts = mounts(c, kubelet, problems);
        String user = user(c.securityContext(), image.user());
        checkNonRoot(c, user, problems);
        if (!problems.isEmpty()) {
            throw new ManifestException(problems, List.of());
        }
        String workingDir =
                c.workingDir() != null && !c.workingDir().isEmpty()
                        ? c.workingDir()
                        : image.workingDir() != null && !image.workingDir().isEmpty()
                                ? image.workingDir()
                                : "/";
        return new ResolvedProcess(
                List.copyOf(argv), env, workingDir, user, Set.copyOf(secretEnv), mounts);
    }

    /**
     * The container's mounts with each subPathExpr expanded, by the kubelet's rule: against the
     * environment the kubelet builds (not the image's), and a variable that is undefined or empty
     * is an error rather than left as written.
     */
    static List<MountModel> mounts(
            ContainerModel c, Map<String, String> env, List<Problem> problems) {
        List<MountModel> out = new ArrayList<>();
        for (MountModel m : c.volumeMounts()) {
            if (m.subPathExpr() == null) {
                out.add(m);
                continue;
            }
            Set<String> missing = new TreeSet<>();
            Map<String, String> present = new java.util.HashMap<>();
            for (String name : EnvExpansion.references(m.subPathExpr())) {
                String value = env.get(name);
                if (value == null || value.isEmpty()) {
                    missing.add(name);
                } else {
                    present.put(name, value);
                }
            }
            String where = "volumeMount " + m.mountPath() + ": subPathExpr " + m.subPathExpr();
            if (!missing.isEmpty()) {
                problems.add(
                        problem(c, where + ": missing value for " + String.join(", ", missing)));
                continue;
            }
            String expanded = EnvExpansion.expand(m.subPathExpr(), present);
            String error = Names.relativePath(expanded);
            if (error != null) {
                problems.add(
                        problem(c, where + " expands to \"" + expanded + "\", which " + error));
                continue;
            }
            out.add(m.withSubPath(expanded));
        }
        return List.copyOf(out);
    }

    /**
     * containerd's rule: a non-empty command replaces the Entrypoint and drops the image Cmd;
     * otherwise non-empty args replace the Cmd; otherwise the image's Entrypoint and Cmd run.
     */
    static List<String> argv(ContainerModel c, ImageDefaults image, Map<String, String> env) {
        List<String> command = expandAll(c.command(), env);
        List<String> args = expandAll(c.args(), env);
        List<String> argv = new ArrayList<>();
        if (!command.isEmpty()) {
            argv.addAll(command);
            argv.addAll(args);
        } else {
            argv.addAll(orEmpty(image.entrypoint()));
            argv.addAll(args.isEmpty() ? orEmpty(image.cmd()) : args);
        }
        return argv;
    }

    private static List<String> expandAll(List<String> words, Map<String, String> env) {
        return orEmpty(words).stream().map(w -> EnvExpansion.expand(w, env)).toList();
    }

    /**
     * The kubelet's part of the environment: envFrom sources in order, then env; later wins. The
     * names whose final value holds a Secret's data (directly, or through {@code $(VAR)} of one) go
     * into {@code secretEnv}.
     */
    static Map<String, String> kubeletEnv(
            PodModel pod,
            ContainerModel c,
            PodContext ctx,
            ManifestSet refs,
            List<Problem> problems,
            Set<String> secretEnv) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromModel from : c.envFrom()) {
            Map<String, String> values = new TreeMap<>();
            if (from.configMapName() != null) {
                var cm = refs.configMap(pod.namespace(), from.configMapName());
                if (cm.isEmpty() && !from.optional()) {
                    problems.add(
                            problem(c, "ConfigMap \"" + from.configMapName() + "\" not found"));
                }
                cm.ifPresent(m -> m.data().keySet().forEach(k -> values.put(k, m.data().get(k))));
            } else if (from.secretName() != null) {
                var secret = refs.secret(pod.namespace(), from.secretName());
                if (secret.isEmpty() && !from.optional()) {
                    problems.add(problem(c, "Secret \"" + from.secretName() + "\" not found"));
                }
                secret.ifPresent(
                        s ->
                                s.data()
                                        .keySet()
                                        .forEach(
                                                k ->
                                                        values.put(
                                                                k,
                                                                new String(
                                                                        s.bytes(k),
                                                                        StandardCharsets.UTF_8))));
            }
            values.forEach(
                    (k, v) -> {
                        String name = from.prefix() + k;
                        if (Names.envName(name) == null) {
                            env.put(name, v);
                            mark(secretEnv, name, from.secretName() != null);
                        }
                    });
        }
        for (EnvVarModel e : c.env()) {
            String value = value(pod, c, e, ctx, refs, problems, env);
            if (value != null) {
                boolean fromSecret =
                        e.secretKeyRef() != null
                                || (e.value() != null
                                        && secretEnv.stream()
                                                .anyMatch(s -> e.value().contains("$(" + s + ")")));
                env.put(e.name(), value);
                mark(secretEnv, e.name(), fromSecret);
            }
        }
        return env;
    }

    private static void mark(Set<String> secret, String name, boolean isSecret) {
        if (isSecret) {
            secret.add(name);
        } else {
            secret.remove(name);
        }
    }

    /**
     * The variable's value, or null when an optional source is missing and the variable is left
     * unset.
     */
    private static String value(
            PodModel pod,
            ContainerModel c,
            EnvVarModel e,
            PodContext ctx,
            ManifestSet refs,
            List<Problem> problems,
            Map<String, String> soFar) {
        if (e.fieldRef() != null) {
            return DownwardValues.field(pod, e.fieldRef().fieldPath(), ctx);
        }
        if (e.resourceFieldRef() != null) {
            String target = e.resourceFieldRef().containerName();
            ContainerModel of = target == null ? c : pod.container(target).orElse(c);
            return DownwardValues.resource(of, e.resourceFieldRef());
        }
        if (e.configMapKeyRef() != null) {
            KeyRef ref = e.configMapKeyRef();
            byte[] bytes =
                    refs.configMap(pod.namespace(), ref.name())
                            .map(m -> m.bytes(ref.key()))
                            .orElse(null);
            return keyValue(c, "ConfigMap", ref, bytes, problems);
        }
        if (e.secretKeyRef() != null) {
            KeyRef ref = e.secretKeyRef();
            byte[] bytes =
                    refs.secret(pod.namespace(), ref.name())
                            .map(s -> s.bytes(ref.key()))
                            .orElse(null);
            return keyValue(c, "Secret", ref, bytes, problems);
        }
        return EnvExpansion.expand(e.value() == null ? "" : e.value(), soFar);
    }

    private static String keyValue(
            ContainerModel c, String kind, KeyRef ref, byte[] bytes, List<Problem> problems) {
        if (bytes == null && !ref.optional()) {
            problems.add(
                    problem(
                            c,
                            "key \""
                                    + ref.key()
                                    + "\" of "
                                    + kind
                                    + " \""
                                    + ref.name()
                                    + "\" not found"));
        }
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** runAsUser and runAsGroup override the image's USER, each on its own. */
    static String user(SecurityModel s, String imageUser) {
        String image = imageUser == null ? "" : imageUser;
        int colon = image.indexOf(':');
        String imageName = colon < 0 ? image : image.substring(0, colon);
        String imageGroup = colon < 0 ? null : image.substring(colon + 1);
        String name = s.runAsUser() != null ? s.runAsUser().toString() : imageName;
        String group =
                s.runAsGroup() != null
                        ? s.runAsGroup().toString()
                        : s.runAsUser() != null ? null : imageGroup;
        if (name.isEmpty() && group == null) {
            return "";
        }
        return group == null ? name : (name.isEmpty() ? "0" : name) + ":" + group;
    }

    /**
     * The kubelet refuses to start a runAsNonRoot container that would run as root or whose user it
     * cannot verify.
     */
    private static void checkNonRoot(ContainerModel c, String user, List<Problem> problems) {
        if (!Boolean.TRUE.equals(c.securityContext().runAsNonRoot())) {
            return;
        }
        String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        if (name.isEmpty() || name.equals("0") || name.equals("root")) {
            problems.add(problem(c, "container has runAsNonRoot and image will run as root"));
        } else if (!name.chars().allMatch(Character::isDigit)) {
            problems.add(
                    problem(
                            c,
                            "container has runAsNonRoot and image has non-numeric user ("
                                    + name
                                    + "), cannot verify user is non-root"));
        }
    }

    private static Problem problem(ContainerModel c, String message) {
        return new Problem("", 0, 0, "container \"" + c.name() + "\"", message);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
