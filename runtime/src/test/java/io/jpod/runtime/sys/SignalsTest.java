package io.jpod.runtime.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jpod.runtime.JpodException;

import org.junit.jupiter.api.Test;

import java.util.List;

class SignalsTest {

    @Test
    void namesWithOrWithoutSigAndNumbers() throws Exception {
        assertEquals(1, Signals.number("HUP"));
        assertEquals(1, Signals.number("sighup"));
        assertEquals(9, Signals.number("KILL"));
        assertEquals(15, Signals.number("15"));
        assertEquals(10, Signals.number("SIGUSR1"));
        assertEquals(6, Signals.number("IOT"));
        assertEquals(34, Signals.number("RTMIN"));
        assertEquals(36, Signals.number("SIGRTMIN+2"));
        assertEquals(63, Signals.number("RTMAX-1"));
    }

    @Test
    void unknownSignalsAreRefused() {
        for (String s : List.of("NOPE", "0", "65", "32", "RTMIN-1", "RTMAX+1", "", "99999999")) {
            assertThrows(JpodException.class, () -> Signals.number(s), s);
        }
    }
}
