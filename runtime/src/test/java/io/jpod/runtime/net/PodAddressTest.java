package io.jpod.runtime.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

class PodAddressTest {

    @Test
    void slirp4netnsPodsHaveTheGuestAddressAndTheHostKeepsItsOwn() {
        assertEquals(
                new PodAddress("10.0.2.100", "192.0.2.2"),
                PodAddress.of("slirp4netns", "192.0.2.2"));
    }

    @Test
    void pastaAndHostNetworkPodsHaveTheHostsAddress() {
        assertEquals(new PodAddress("192.0.2.2", "192.0.2.2"), PodAddress.of("pasta", "192.0.2.2"));
        assertEquals(new PodAddress("192.0.2.2", "192.0.2.2"), PodAddress.of("host", "192.0.2.2"));
        assertThrows(IllegalArgumentException.class, () -> PodAddress.of("bridge", "192.0.2.2"));
    }

    @Test
    void theDefaultRouteNamesTheHostsInterface() {
        List<String> route =
                List.of(
                        "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU",
                        "eth1\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0",
                        "eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0");
        assertEquals(Optional.of("eth0"), PodAddress.defaultRouteInterface(route));
        assertEquals(Optional.empty(), PodAddress.defaultRouteInterface(route.subList(0, 2)));
        assertEquals(Optional.empty(), PodAddress.defaultRouteInterface(List.of()));
    }
}
