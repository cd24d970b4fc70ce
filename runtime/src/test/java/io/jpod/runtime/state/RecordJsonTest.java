package io.jpod.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.jpod.runtime.json.RecordJson;
import io.jpod.runtime.probe.ContainerHealth;
import io.jpod.runtime.probe.HealthLog;
import io.jpod.runtime.probe.PodHealth;
import io.jpod.runtime.probe.ProbePlan;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The state files' codec against the Jackson mapping the state files were written with. */
class RecordJsonTest {

    /** The mapper StateStore used until RecordJson replaced it. */
    private static final ObjectMapper JACKSON =
            JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();

    private static byte[] jacksonWritten() throws Exception {
        // a real play's state file, as Jackson wrote it (paths moved)
        try (InputStream in = RecordJsonTest.class.getResourceAsStream("/state/jackson-pod.json")) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsWhatJacksonWrote() throws Exception {
        byte[] json = jacksonWritten();
        PodRecord expected = JACKSON.readValue(json, PodRecord.class);
        PodRecord read = RecordJson.read(json, PodRecord.class);
        assertEquals(expected, read);
        assertEquals(2, read.containers().size());
        assertEquals("web", read.containers().getFirst().spec().pod().hostname());
        assertEquals(Instant.parse("2026-12-01T23:13:28.158822212Z"), read.created());
    }

    @Test
    void jacksonReadsWhatItWrites() throws Exception {
        PodRecord pod = JACKSON.readValue(jacksonWritten(), PodRecord.class);
        String written = RecordJson.write(pod);
        assertEquals(pod, JACKSON.readValue(written, PodRecord.class));
        assertEquals(
                pod, RecordJson.read(written.getBytes(StandardCharsets.UTF_8), PodRecord.class));
        // Jackson's tree without the components that read back as absent ones: no more, no less
        assertEquals(
                withoutAbsent(JACKSON.readTree(JACKSON.writeValueAsString(pod))),
                JACKSON.readTree(written));
        assertFalse(written.contains("null") || written.contains("false"), written);
    }

    /** The tree without null, false and 0 members (this pod's maps hold none such). */
    private static JsonNode withoutAbsent(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties()
                    .removeIf(
                            e ->
                                    e.getValue().isNull()
                                            || (e.getValue().isBoolean()
                                                    && !e.getValue().asBoolean())
                                            || (e.getValue().isIntegralNumber()
                                                    && e.getValue().asLong() == 0));
            object.forEach(RecordJsonTest::withoutAbsent);
        } else if (node.isArray()) {
            node.forEach(RecordJsonTest::withoutAbsent);
        }
        return node;
    }

    @Test
    void membersInAnyOrderReadTheSame() throws Exception {
        PodRecord pod = RecordJson.read(jacksonWritten(), PodRecord.class);
        JsonNode reversed = reversed(JACKSON.readTree(RecordJson.write(pod)));
        assertEquals(pod, RecordJson.read(JACKSON.writeValueAsBytes(reversed), PodRecord.class));
    }

    /** The tree with every object's members in the opposite order. */
    private static JsonNode reversed(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(object.properties());
            object.removeAll();
            for (Map.Entry<String, JsonNode> m : members.reversed()) {
                object.set(m.getKey(), reversed(m.getValue()));
            }
        } else if (node.isArray()) {
            node.forEach(RecordJsonTest::reversed);
        }
        return node;
    }

    @Test
    void textSurvivesEscapesAndUnicode() throws Exception {
        String odd = "a \"quoted\" \\ back\tslash\nline \u0001 é 😀 </script>";
        PodRecord pod =
                new PodRecord(
                        "f".repeat(64),
                        odd,
                        null,
                        PodPhase.STOPPED,
                        -1,
                        Instant.parse("1970-01-01T00:00:00.000000001Z"),
                        Map.of(odd, odd, "", ""),
                        Long.MAX_VALUE,
                        null,
                        new NetworkRecord(
                                "pasta",
                                "/n",
                                0,
                                0,
                                null,
                                List.of(new PortMapping("UDP", "", 1, 65535))),
                        Records.container("c".repeat(64), odd),
                        List.of(Records.container("d".repeat(64), "x")),
                        List.of(),
                        new PodRecord.Holds(List.of("sha256:1"), Map.of("v", List.of("x", "y"))));
        String written = RecordJson.write(pod);
        assertEquals(
                pod, RecordJson.read(written.getBytes(StandardCharsets.UTF_8), PodRecord.class));
        assertEquals(pod, JACKSON.readValue(written, PodRecord.class));
        String jackson = JACKSON.writerWithDefaultPrettyPrinter().writeValueAsString(pod);
        assertEquals(
                pod, RecordJson.read(jackson.getBytes(StandardCharsets.UTF_8), PodRecord.class));
    }

    @Test
    void anOlderRecordGetsItsDefaultsAndUnknownFieldsAreIgnored() {
        String older =
                """
                {"id": "%s", "name": "old", "phase": "CREATED", "created": "2024-01-01T00:00:00Z",
                 "containers": [{"id": "%s", "name": "old-c", "podId": "p", "futureField": {"a": [1, 2.5e3]}}],
                 "someday": null}
                """
                        .formatted("a".repeat(64), "b".repeat(64));
        PodRecord pod = RecordJson.read(older.getBytes(StandardCharsets.UTF_8), PodRecord.class);
        assertEquals(PodRecord.Holds.NONE, pod.holds());
        assertEquals(Map.of(), pod.labels());
        assertEquals(List.of(), pod.initContainers());
        assertEquals(0, pod.gracePeriodSeconds());
        ContainerRecord c = pod.containers().getFirst();
        assertNull(c.spec());
        assertEquals(0, c.restartCount());
        assertEquals(false, c.infra());
    }

    @Test
    void aTagAfterTheFieldsEscapedNamesAndSkippedValuesReadAsJacksonReadsThem() throws Exception {
        String json =
                """
                {"action": {"port": 8080, "path": "/h", "x": {"s": "}]\\"", "a": [[], {}]},
                            "kind": "httpGet", "sch\\u0065me": "HTTP"},
                 "periodSeconds": 10, "failureThreshold": 3}
                """;
        ProbePlan read = RecordJson.read(json.getBytes(StandardCharsets.UTF_8), ProbePlan.class);
        assertEquals(JACKSON.readValue(json, ProbePlan.class), read);
        assertEquals(
                new ProbePlan.Action.HttpGet("HTTP", null, 8080, "/h", List.of()), read.action());
        RecordJson.JsonException unknown =
                assertThrows(
                        RecordJson.JsonException.class,
                        () ->
                                RecordJson.read(
                                        "{\"action\": {\"kind\": \"ping\"}}"
                                                .getBytes(StandardCharsets.UTF_8),
                                        ProbePlan.class));
        assertEquals("ProbePlan.action: unknown kind 'ping'", unknown.getMessage());
        RecordJson.JsonException notText =
                assertThrows(
                        RecordJson.JsonException.class,
                        () ->
                                RecordJson.read(
                                        "{\"id\": {\"a\": 1}}".getBytes(StandardCharsets.UTF_8),
                                        PodRecord.class));
        assertEquals("PodRecord.id: expected text, found an object", notText.getMessage());
    }

    @Test
    void numbersAndInstantsAsJacksonAcceptsThem() {
        record Times(Instant at, Duration d, int n, long l, double x, Boolean b) {}
        Times t =
                RecordJson.read(
                        "{\"at\": 1700000000.5, \"d\": 1.25, \"n\": \"7\", \"l\": -3, \"x\": 1e2, \"b\": true}"
                                .getBytes(StandardCharsets.UTF_8),
                        Times.class);
        assertEquals(
                new Times(
                        Instant.ofEpochSecond(1700000000, 500_000_000),
                        Duration.ofMillis(1250),
                        7,
                        -3,
                        100.0,
                        true),
                t);
        assertEquals(
                t,
                RecordJson.read(RecordJson.write(t).getBytes(StandardCharsets.UTF_8), Times.class));
    }

    @Test
    void wholeNumbersOfEveryWidthAndTheirRanges() {
        record Whole(byte b, Short s, int i, Long l, float f) {}
        assertEquals(
                new Whole((byte) -128, (short) 32767, Integer.MIN_VALUE, Long.MAX_VALUE, 3f),
                RecordJson.read(
                        ("{\"b\": -128, \"s\": 32767, \"i\": -2147483648, \"l\":"
                                        + " 9223372036854775807, \"f\": 3}")
                                .getBytes(StandardCharsets.UTF_8),
                        Whole.class));
        for (String tooBig :
                List.of(
                        "{\"b\": 128}",
                        "{\"s\": -32769}",
                        "{\"i\": 2147483648}",
                        "{\"i\": 1.5}",
                        "{\"l\": 9223372036854775808}")) {
            RecordJson.JsonException e =
                    assertThrows(
                            RecordJson.JsonException.class,
                            () ->
                                    RecordJson.read(
                                            tooBig.getBytes(StandardCharsets.UTF_8), Whole.class),
                            tooBig);
            assertTrue(e.getMessage().contains("expected a whole number in range"), e.getMessage());
        }
    }

    @Test
    void badJsonNamesWhereAndWhat() {
        RecordJson.JsonException syntax =
                assertThrows(
                        RecordJson.JsonException.class,
                        () ->
                                RecordJson.read(
                                        "{\n  \"id\": \"x\",\n  \"name\": }"
                                                .getBytes(StandardCharsets.UTF_8),
                                        PodRecord.class));
        assertEquals("unexpected '}' at line 3, column 11", syntax.getMessage());
        RecordJson.JsonException type =
                assertThrows(
                        RecordJson.JsonException.class,
                        () ->
                                RecordJson.read(
                                        "{\"phase\": \"GONE\"}".getBytes(StandardCharsets.UTF_8),
                                        PodRecord.class));
        assertTrue(
                type.getMessage().startsWith("PodRecord.phase: expected one of [CREATING"),
                type.getMessage());
        RecordJson.JsonException deep =
                assertThrows(
                        RecordJson.JsonException.class,
                        () ->
                                RecordJson.read(
                                        "{\"containers\": [{}, {\"restartCount\": \"x\"}]}"
                                                .getBytes(StandardCharsets.UTF_8),
                                        PodRecord.class));
        assertTrue(
                deep.getMessage().startsWith("PodRecord.containers[1].restartCount: expected"),
                deep.getMessage());
        assertThrows(
                RecordJson.JsonException.class,
                () -> RecordJson.read("{} {}".getBytes(StandardCharsets.UTF_8), PodRecord.class));
    }

    @Test
    void lifeAndHealthFilesJacksonWroteReadTheSame() throws Exception {
        Instant t = Instant.parse("2026-12-02T10:00:00.5Z");
        ContainerLife life =
                ContainerLife.FRESH.backingOff(
                        3, t, new ContainerLife.Terminated(1, "Error", t, t.plusSeconds(2), "m"));
        assertEquals(life, RecordJson.read(JACKSON.writeValueAsBytes(life), ContainerLife.class));
        PodHealth health =
                new PodHealth(
                        t,
                        Map.of(
                                "web",
                                new ContainerHealth(
                                        "c".repeat(64),
                                        42,
                                        ContainerHealth.HEALTHY,
                                        0,
                                        true,
                                        true,
                                        List.of(new HealthLog(t, t, 0, "ok")))));
        assertEquals(health, RecordJson.read(JACKSON.writeValueAsBytes(health), PodHealth.class));
        assertEquals(health, JACKSON.readValue(RecordJson.write(health), PodHealth.class));
    }

    @Test
    void everyTypeAStateFileHoldsIsMapped() {
        RecordJson.check(PodRecord.class);
        RecordJson.check(ContainerLife.class);
        RecordJson.check(PodHealth.class);
        record Unmapped(Optional<String> maybe) {}
        assertThrows(RecordJson.JsonException.class, () -> RecordJson.check(Unmapped.class));
    }
}
