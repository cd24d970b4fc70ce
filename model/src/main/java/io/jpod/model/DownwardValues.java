package io.jpod.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;

/** Values the downward API exposes, computed as the kubelet does. */
final class DownwardValues {
    private DownwardValues() {}

    static String field(PodModel pod, String path, PodContext ctx) {
        Matcher m = FieldPaths.SUBSCRIPT.matcher(path);
        if (m.matches()) {
            Map<String, String> source =
                    m.group(1).equals("labels") ? pod.labels() : pod.annotations();
            return source.getOrDefault(m.group(2), "");
        }
        return switch (path) {
            case "metadata.name" -> pod.name();
            case "metadata.namespace" -> pod.namespace();
            case "metadata.uid" -> pod.uid();
            case "metadata.labels" -> format(pod.labels());
            case "metadata.annotations" -> format(pod.annotations());
            case "spec.nodeName" ->
                    pod.nodeName() != null ? pod.nodeName() : orEmpty(ctx.nodeName());
            case "spec.serviceAccountName" -> pod.serviceAccountName();
            case "status.podIP", "status.podIPs" -> orEmpty(ctx.podIP());
            case "status.hostIP", "status.hostIPs" -> orEmpty(ctx.hostIP());
            default -> throw new IllegalArgumentException("unsupported fieldPath " + path);
        };
    }

    /**
     * {@code key="value"} lines sorted by key, as downwardAPI volume files hold labels and
     * annotations.
     */
    private static String format(Map<String, String> map) {
        StringBuilder s = new StringBuilder();
        for (var e : new TreeMap<>(map).entrySet()) {
            s.append(e.getKey())
                    .append("=\"")
                    .append(
                            e.getValue()
                                    .replace("\\", "\\\\")
                                    .replace("\"", "\\\"")
                                    .replace("\n", "\\n"))
                    .append("\"\n");
        }
        return s.toString();
    }

    /**
     * A resource in divisor units, rounded up. An unset limit is the node's capacity and an unset
     * request is 0, which is what the kubelet reports.
     */
    static String resource(ContainerModel c, ResourceFieldRef ref) {
        String[] parts = ref.resource().split("\\.", 2);
        boolean limit = parts[0].equals("limits");
        Quantity q = (limit ? c.resources().limits() : c.resources().requests()).get(parts[1]);
        BigDecimal value;
        if (q != null) {
            value = q.value();
        } else if (!limit) {
            value = BigDecimal.ZERO;
        } else {
            value = nodeCapacity(parts[1]);
        }
        BigDecimal divisor = ref.divisor().value();
        return value.divide(divisor, 0, RoundingMode.CEILING).toPlainString();
    }

    private static BigDecimal nodeCapacity(String resource) {
        if (resource.equals("cpu")) {
            return BigDecimal.valueOf(Runtime.getRuntime().availableProcessors());
        }
        if (resource.equals("memory")
                && java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os) {
            return BigDecimal.valueOf(os.getTotalMemorySize());
        }
        return BigDecimal.ZERO;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
