package io.jpod.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import java.util.UUID;

/** The uid stored in every pod's state: it must stay the JDK's name-based UUID. */
class NameUuidTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "default/web",
                "default/train",
                "kube-system/coredns-7db6d8ff4d-abcde",
                "ns/ünïcødé-名前",
                // 55, 56 and 64 bytes: the padding's edges, where the length moves to a new block
                "default/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "default/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "default/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            })
    void isTheJdksNameUuid(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        assertEquals(UUID.nameUUIDFromBytes(bytes).toString(), NameUuid.of(bytes));
    }

    @Test
    void podUidIsTheJdksNameUuidOfNamespaceSlashName() {
        assertEquals(
                UUID.nameUUIDFromBytes("default/web".getBytes(StandardCharsets.UTF_8)).toString(),
                PodModel.uidFor("default", "web"));
    }

    @Test
    void md5OfEveryLengthUpToThreeBlocksIsTheJdks() throws Exception {
        Random random = new Random(12);
        for (int length = 0; length <= 200; length++) {
            byte[] message = new byte[length];
            random.nextBytes(message);
            assertArrayEquals(
                    MessageDigest.getInstance("MD5").digest(message),
                    NameUuid.md5(message),
                    "length " + length);
        }
    }

    @Test
    void rfc1321TestSuite() {
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", hex(""));
        assertEquals("900150983cd24fb0d6963f7d28e17f72", hex("abc"));
        assertEquals(
                "57edf4a22be3c955ac49da2e2107b67a",
                hex(
                        "1234567890123456789012345678901234567890"
                                + "1234567890123456789012345678901234567890"));
    }

    private static String hex(String message) {
        return java.util.HexFormat.of()
                .formatHex(NameUuid.md5(message.getBytes(StandardCharsets.US_ASCII)));
    }
}
