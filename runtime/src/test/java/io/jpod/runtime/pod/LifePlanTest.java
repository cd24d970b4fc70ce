package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.jpod.runtime.probe.ProbePlan;

import org.junit.jupiter.api.Test;

import java.util.List;

/** A container's life plan is kept in its record: it must read back as it was written. */
class LifePlanTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsBackAsWritten() throws Exception {
        LifePlan plan =
                new LifePlan(
                        LifePlan.Hook.exec(List.of("sh", "-c", "echo hi")),
                        LifePlan.Hook.sleep(5),
                        "QUIT",
                        "/tmp/msg",
                        true,
                        true);
        assertEquals(plan, JSON.readValue(JSON.writeValueAsString(plan), LifePlan.class));
    }

    @Test
    void anHttpGetHookReadsBackAsWritten() throws Exception {
        LifePlan plan =
                new LifePlan(
                        LifePlan.Hook.httpGet(
                                new ProbePlan.Action.HttpGet(
                                        "HTTP",
                                        null,
                                        8080,
                                        "/started",
                                        List.of(new ProbePlan.Header("X-Hook", "yes")))),
                        null,
                        "TERM",
                        null,
                        false,
                        false);
        assertEquals(plan, JSON.readValue(JSON.writeValueAsString(plan), LifePlan.class));
    }

    @Test
    void anOlderHookWithoutHttpGetReadsAsItWas() throws Exception {
        LifePlan.Hook hook =
                JSON.readValue("{\"exec\":[\"true\"],\"sleepSeconds\":0}", LifePlan.Hook.class);
        assertEquals(LifePlan.Hook.exec(List.of("true")), hook);
    }

    @Test
    void anOlderRecordWithoutItReadsAsTheDefaults() throws Exception {
        LifePlan none = JSON.readValue("{}", LifePlan.class);
        assertEquals(LifePlan.DEFAULT, none);
    }
}
