package io.jpod.runtime.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

class SdNotifyTest {

    @Test
    void withoutNotifySocketThereIsNoNotifier() {
        assertTrue(SdNotify.from(Map.of()).isEmpty());
        assertTrue(SdNotify.from(Map.of(SdNotify.ENV, "")).isEmpty());
    }

    @Test
    void aSocketThatIsNotThereIsAnErrorNamingIt() {
        SdNotify notify = SdNotify.from(Map.of(SdNotify.ENV, "/nonexistent/notify")).orElseThrow();
        IOException e = assertThrows(IOException.class, () -> notify.ready(1));
        assertEquals(
                "NOTIFY_SOCKET: sendto /nonexistent/notify: No such file or directory",
                e.getMessage());
    }

    @Test
    void aNameLongerThanAUnixSocketNameIsRefused() {
        SdNotify notify = SdNotify.from(Map.of(SdNotify.ENV, "@" + "n".repeat(108))).orElseThrow();
        IOException e = assertThrows(IOException.class, () -> notify.ready(1));
        assertTrue(
                e.getMessage().endsWith("longer than a unix socket name may be"), e.getMessage());
    }
}
