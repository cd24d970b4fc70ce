package io.jpod.cli.output;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * {@code system df}'s sizes as podman prints them (go-units' HumanSize): {@code 4.4MB}, {@code 0B}.
 */
public final class DiskUsageView {

    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};

    private DiskUsageView() {}

    /** Decimal units, four significant digits, no trailing zeros. */
    public static String size(long bytes) {
        double v = bytes;
        int u = 0;
        while (v >= 1000 && u < UNITS.length - 1) {
            v /= 1000;
            u++;
        }
        String number =
                new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        return number + UNITS[u];
    }

    /** {@code 1.2MB (50%)}: the reclaimable size and its share of the whole. */
    public static String reclaimable(long reclaimable, long size) {
        long percent = size == 0 ? 0 : Math.round(100.0 * reclaimable / size);
        return size(reclaimable) + " (" + percent + "%)";
    }
}
