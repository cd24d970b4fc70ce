package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

class UserLookupTest {

    @TempDir Path rootfs;

    @BeforeEach
    void etc() throws Exception {
        Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(
                rootfs.resolve("etc/passwd"),
                """
                root:x:0:0:root:/root:/bin/sh
                www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
                app:x:1000:1001::/home/app:/bin/sh
                """);
        Files.writeString(
                rootfs.resolve("etc/group"),
                """
                root:x:0:
                www-data:x:33:
                staff:x:50:app
                """);
    }

    private UserLookup.Ids resolve(String user) throws PodException {
        return UserLookup.resolve(user, rootfs);
    }

    @Test
    void emptyIsRoot() throws Exception {
        assertEquals(new UserLookup.Ids(0, 0), resolve(""));
        assertEquals(new UserLookup.Ids(0, 0), resolve(null));
    }

    @Test
    void numericUidTakesItsPrimaryGroupFromPasswdOrZero() throws Exception {
        assertEquals(new UserLookup.Ids(1000, 1001), resolve("1000"));
        assertEquals(new UserLookup.Ids(4242, 0), resolve("4242"));
    }

    @Test
    void namesAreLookedUpInTheImage() throws Exception {
        assertEquals(new UserLookup.Ids(33, 33), resolve("www-data"));
        assertEquals(new UserLookup.Ids(1000, 50), resolve("app:staff"));
        assertEquals(new UserLookup.Ids(33, 7), resolve("www-data:7"));
        assertEquals(new UserLookup.Ids(4242, 50), resolve("4242:staff"));
        assertEquals(new UserLookup.Ids(1000, 1001), resolve("1000:1001"));
    }

    @Test
    void unknownNamesAreUserErrors() {
        PodException user = assertThrows(PodException.class, () -> resolve("nobody"));
        assertEquals("user nobody not found in the image's /etc/passwd", user.getMessage());
        PodException group = assertThrows(PodException.class, () -> resolve("app:wheel"));
        assertEquals("group wheel not found in the image's /etc/group", group.getMessage());
    }

    @Test
    void aNameInAnImageWithoutPasswdIsUnknown() throws Exception {
        Files.delete(rootfs.resolve("etc/passwd"));
        assertThrows(PodException.class, () -> resolve("app"));
        assertEquals(new UserLookup.Ids(1000, 0), resolve("1000"));
    }

    @Test
    void malformedUsersAreUserErrorsNotCrashes() throws Exception {
        // an empty part used to pass the all-digits check and reach Long.parseLong("")
        for (String bad : new String[] {"1000:", ":1000", "99999999999999999999"}) {
            PodException e = assertThrows(PodException.class, () -> resolve(bad), bad);
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
        Files.writeString(rootfs.resolve("etc/passwd"), "broken:x:uid:gid::/:/bin/sh\n");
        assertThrows(PodException.class, () -> resolve("broken"));
    }
}
