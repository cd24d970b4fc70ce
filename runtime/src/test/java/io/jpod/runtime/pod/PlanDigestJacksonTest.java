package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jpod.runtime.json.CanonicalJson;

import org.junit.jupiter.api.Test;

/**
 * PlanDigest gives the very digests and renderings jpod's Jackson code gave: a pod an older jpod
 * played must read as unchanged to {@code play kube --replace} when its manifest is.
 */
class PlanDigestJacksonTest {

    static void assertSameAsJackson(PodPlan plan, String what) {
        assertEquals(JacksonPlanDigest.render(plan), PlanDigest.render(plan), what);
        assertEquals(JacksonPlanDigest.spec(plan), PlanDigest.spec(plan), what);
        assertEquals(JacksonPlanDigest.files(plan), PlanDigest.files(plan), what);
    }

    @Test
    void theTagsItGivesAreTheAnnotationsOfEveryVariantAPlanReaches() {
        assertEquals(CanonicalJson.tagsOf(PodPlan.class), PlanDigest.TAGS);
    }

    @Test
    void randomPlansWithEveryPartSetOrUnset() {
        RandomPlans plans = new RandomPlans(12);
        for (int i = 0; i < 3000; i++) {
            PodPlan plan = plans.plan();
            assertSameAsJackson(plan, "plan " + i + " of seed 12");
        }
    }
}
