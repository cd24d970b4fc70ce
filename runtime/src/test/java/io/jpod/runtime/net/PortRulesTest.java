package io.jpod.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jpod.runtime.state.PortMapping;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

class PortRulesTest {

    @Test
    void portsAtOrAboveTheSysctlAreFine() throws Exception {
        PortRules.checkRootless(
                List.of(new PortMapping("TCP", "", 1024, 80), new PortMapping("UDP", "", 5353, 53)),
                1024);
        PortRules.checkRootless(List.of(new PortMapping("TCP", "", 80, 80)), 80);
        PortRules.checkRootless(List.of(), 1024);
    }

    @Test
    void theFirstPrivilegedPortIsNamedWithTheSysctl() {
        IOException e =
                assertThrows(
                        IOException.class,
                        () ->
                                PortRules.checkRootless(
                                        List.of(
                                                new PortMapping("TCP", "", 8080, 80),
                                                new PortMapping("TCP", "", 443, 443),
                                                new PortMapping("TCP", "", 80, 80)),
                                        1024));
        assertEquals(
                "hostPort 443 is below net.ipv4.ip_unprivileged_port_start (1024): rootless jpod"
                        + " cannot bind it; use a port >= 1024 or lower that sysctl",
                e.getMessage());
    }

    @Test
    void unprivilegedStartIsReadFromProc() {
        int start = PortRules.unprivilegedStart();
        assertEquals(true, start >= 0 && start <= 65536, "got " + start);
    }
}
