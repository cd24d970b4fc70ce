package io.jpod.runtime.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResourceLimitsTest {

    @Test
    void saysWhyForEachHierarchy() {
        String hybrid = ResourceLimits.whyNotApplied(CgroupMode.HYBRID, true);
        assertTrue(hybrid.startsWith("cgroup v1 (hybrid): "), hybrid);
        assertTrue(hybrid.contains("no delegated cgroup controllers"), hybrid);
        assertTrue(
                ResourceLimits.whyNotApplied(CgroupMode.LEGACY, false).contains("cgroup v2"),
                "rootful on v1: limits only through v2");
        assertTrue(
                ResourceLimits.whyNotApplied(CgroupMode.UNIFIED, true)
                        .contains("delegated subtree"));
    }
}
