package io.jpod.model;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The downward API's field paths and resources, and which of them each use allows. */
final class FieldPaths {
    static final Pattern SUBSCRIPT =
            Pattern.compile("metadata\\.(labels|annotations)\\['([^']*)'\\]");
    private static final Set<String> ENV =
            Set.of(
                    "metadata.name",
                    "metadata.namespace",
                    "metadata.uid",
                    "spec.nodeName",
                    "spec.serviceAccountName",
                    "status.hostIP",
                    "status.hostIPs",
                    "status.podIP",
                    "status.podIPs");
    private static final Set<String> VOLUME =
            Set.of(
                    "metadata.name",
                    "metadata.namespace",
                    "metadata.uid",
                    "metadata.labels",
                    "metadata.annotations");
    static final Set<String> RESOURCES =
            Set.of(
                    "limits.cpu",
                    "limits.memory",
                    "limits.ephemeral-storage",
                    "requests.cpu",
                    "requests.memory",
                    "requests.ephemeral-storage");
    private static final Set<String> CPU_DIVISORS = Set.of("1m", "1");
    private static final Set<String> MEMORY_DIVISORS =
            Set.of(
                    "1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi",
                    "1Ei");

    private FieldPaths() {}

    /** An error message if env (or, when forVolume, a downwardAPI file) may not use this path. */
    static String checkField(String path, boolean forVolume) {
        Matcher m = SUBSCRIPT.matcher(path);
        if (m.matches()) {
            return Names.qualifiedKey(m.group(2));
        }
        if (forVolume ? VOLUME.contains(path) : ENV.contains(path)) {
            return null;
        }
        String[] allowed = (forVolume ? VOLUME : ENV).stream().sorted().toArray(String[]::new);
        return "unsupported fieldPath \""
                + path
                + "\": supported values: "
                + String.join(", ", allowed)
                + ", metadata.labels['<key>'], metadata.annotations['<key>']";
    }

    static String checkResource(String resource, Quantity divisor) {
        if (!RESOURCES.contains(resource)
                && !resource.matches("(limits|requests)\\.hugepages-.+")) {
            return "unsupported resource \""
                    + resource
                    + "\": supported values: "
                    + String.join(", ", RESOURCES.stream().sorted().toList());
        }
        if (divisor == null) {
            return null;
        }
        boolean cpu = resource.endsWith(".cpu");
        if (!(cpu ? CPU_DIVISORS : MEMORY_DIVISORS).contains(divisor.text())) {
            return "invalid divisor \""
                    + divisor.text()
                    + "\" for "
                    + resource
                    + ": supported values: "
                    + String.join(
                            ", ",
                            (cpu ? CPU_DIVISORS : MEMORY_DIVISORS).stream().sorted().toList());
        }
        return null;
    }
}
