package io.jpod.runtime.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jpod.runtime.host.HostLayout;
import io.jpod.runtime.state.ContainerRecord;
import io.jpod.runtime.state.PodPhase;
import io.jpod.runtime.state.PodRecord;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

class LeftoversTest {

    private static final HostLayout LAYOUT =
            new HostLayout(true, 1000, Path.of("/d"), Path.of("/r"), true);

    private static final String POD = "a".repeat(64);
    private static final String INFRA = "b".repeat(64);
    private static final String APP = "c".repeat(64);
    private static final String GONE_POD = "d".repeat(64);
    private static final String GONE_CTR = "e".repeat(64);
    private static final long SELF = 4000;

    private static PodRecord pod(PodPhase phase, long owner) {
        return new PodRecord(
                        POD,
                        "web",
                        "web",
                        phase,
                        owner,
                        Instant.EPOCH,
                        Map.of(),
                        30,
                        "Always",
                        null,
                        null,
                        List.of(),
                        List.of(),
                        PodRecord.Holds.NONE)
                .withInfra(container(INFRA))
                .withContainer(container(APP));
    }

    private static ContainerRecord container(String id) {
        return new ContainerRecord(
                id,
                id,
                POD,
                false,
                "",
                "",
                List.of(),
                "",
                "",
                true,
                Instant.EPOCH,
                null,
                0,
                0,
                0,
                0,
                null);
    }

    private static Leftovers.Seen.Proc proc(long pid, String... argv) {
        return new Leftovers.Seen.Proc(pid, 1, List.of(argv));
    }

    private static final Leftovers.Seen.Proc KNOWN_CONMON =
            proc(10, "/usr/bin/conmon", "-b", "/d/containers/" + APP + "/userdata");
    private static final Leftovers.Seen.Proc ORPHAN_CONMON =
            proc(
                    11,
                    "/usr/bin/conmon",
                    "-b",
                    "/d/containers/" + GONE_CTR + "/userdata",
                    "--exit-command-arg",
                    "/d/pods/" + POD + "/stopping");
    private static final Leftovers.Seen.Proc KNOWN_SLIRP =
            proc(12, "slirp4netns", "--netns-type=path", "/r/netns/" + POD, "tap0");
    private static final Leftovers.Seen.Proc ORPHAN_SLIRP =
            proc(13, "slirp4netns", "--netns-type=path", "/r/netns/" + GONE_POD, "tap0");
    private static final Leftovers.Seen.Proc ORPHAN_PASTA =
            proc(14, "pasta", "--config-net", "--netns", "/r/netns/" + GONE_POD);
    private static final Leftovers.Seen.Proc OTHER_STORE =
            proc(15, "slirp4netns", "/elsewhere/netns/" + GONE_POD);
    private static final Leftovers.Seen.Proc UNRELATED = proc(16, "/catatonit", "-P");

    private static Leftovers.Seen seen() {
        return new Leftovers.Seen(
                List.of(INFRA, APP, GONE_CTR),
                List.of(INFRA, APP, GONE_CTR),
                List.of(APP, GONE_CTR),
                List.of(
                        POD.substring(0, 12) + "-slirp.sock",
                        GONE_POD.substring(0, 12) + "-slirp.sock",
                        GONE_CTR),
                List.of(POD, GONE_POD),
                List.of(POD, GONE_POD),
                List.of(
                        KNOWN_CONMON,
                        ORPHAN_CONMON,
                        KNOWN_SLIRP,
                        ORPHAN_SLIRP,
                        ORPHAN_PASTA,
                        OTHER_STORE,
                        UNRELATED));
    }

    @Test
    void whatNoRecordNamesIsFoundAndWhatOneNamesIsKept() {
        Leftovers l =
                Leftovers.find(
                        LAYOUT, List.of(pod(PodPhase.CREATED, 1)), seen(), SELF, pid -> true);
        assertEquals(List.of(ORPHAN_CONMON, ORPHAN_SLIRP, ORPHAN_PASTA), l.kill());
        assertEquals(List.of(GONE_CTR), l.runcStates());
        assertEquals(
                List.of(
                        Path.of("/r/runc/" + GONE_CTR),
                        Path.of("/d/containers/" + GONE_CTR),
                        Path.of("/r/exits/" + GONE_CTR),
                        Path.of("/r/socket/" + GONE_POD.substring(0, 12) + "-slirp.sock"),
                        Path.of("/r/socket/" + GONE_CTR),
                        Path.of("/d/pods/" + GONE_POD),
                        Path.of("/r/netns/" + GONE_POD)),
                l.remove());
    }

    @Test
    void withNoPodsLeftEverythingOfThisStoreGoesButNotThisProcess() {
        Leftovers l = Leftovers.find(LAYOUT, List.of(), seen(), 10, pid -> true);
        assertEquals(List.of(ORPHAN_CONMON, KNOWN_SLIRP, ORPHAN_SLIRP, ORPHAN_PASTA), l.kill());
        assertEquals(List.of(INFRA, APP, GONE_CTR), l.runcStates());
        assertTrue(l.remove().contains(Path.of("/r/netns/" + POD)), l.remove().toString());
    }

    @Test
    void whileALiveJpodCreatesAPodItsUnrecordedContainersAreLeftAlone() {
        Leftovers l =
                Leftovers.find(
                        LAYOUT, List.of(pod(PodPhase.CREATING, 77)), seen(), SELF, pid -> true);
        assertEquals(List.of(ORPHAN_SLIRP, ORPHAN_PASTA), l.kill());
        assertEquals(List.of(), l.runcStates());
        assertEquals(
                List.of(
                        Path.of("/r/socket/" + GONE_POD.substring(0, 12) + "-slirp.sock"),
                        Path.of("/d/pods/" + GONE_POD),
                        Path.of("/r/netns/" + GONE_POD)),
                l.remove());
    }

    @Test
    void namesOnDiskThatRecordsAllNameLeaveNothingAndOneUnrecordedNameSomething() {
        List<PodRecord> pods = List.of(pod(PodPhase.CREATED, 1));
        Leftovers.Seen recorded =
                new Leftovers.Seen(
                        List.of(INFRA, APP),
                        List.of(INFRA, APP),
                        List.of(APP),
                        List.of(POD.substring(0, 12) + "-slirp.sock", APP),
                        List.of(POD),
                        List.of(POD),
                        List.of());
        assertTrue(Leftovers.find(LAYOUT, pods, recorded, SELF, pid -> true).none());
        Leftovers.Seen unrecorded =
                new Leftovers.Seen(
                        List.of(INFRA, APP),
                        List.of(INFRA, APP, GONE_CTR),
                        List.of(APP),
                        List.of(),
                        List.of(POD),
                        List.of(POD),
                        List.of());
        assertFalse(Leftovers.find(LAYOUT, pods, unrecorded, SELF, pid -> true).none());
        assertEquals(
                List.of(ORPHAN_CONMON),
                Leftovers.find(
                                LAYOUT,
                                pods,
                                unrecorded.withProcesses(List.of(KNOWN_CONMON, ORPHAN_CONMON)),
                                SELF,
                                pid -> true)
                        .kill());
    }

    @Test
    void aCreatingPodWhoseOwnerIsDeadDoesNotHoldTheSweepBack() {
        Leftovers l =
                Leftovers.find(
                        LAYOUT, List.of(pod(PodPhase.CREATING, 77)), seen(), SELF, pid -> false);
        assertEquals(List.of(GONE_CTR), l.runcStates());
    }
}
