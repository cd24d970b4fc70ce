package io.jpod.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** --format and --filter as podman users script them, against a running pod. */
class ListingIT {

    private static Jpod jpod;
    private static String manifest;

    @BeforeAll
    static void play() throws Exception {
        jpod = Jpod.get();
        manifest = jpod.stage().resolve("it/listing.yaml").toString();
        Jpod.Result played = jpod.run("play", "kube", manifest);
        assertEquals(0, played.exitCode(), played.all());
    }

    @AfterAll
    static void down() throws Exception {
        jpod.run("kube", "down", manifest);
    }

    @Test
    void psTemplatesNameFieldsAndLabels() throws Exception {
        Jpod.Result names =
                jpod.run("ps", "-a", "--format", "{{.Names}} {{.Labels.app}} {{.State}}");
        assertEquals(0, names.exitCode(), names.all());
        assertTrue(names.out().lines().anyMatch("fmt-main formatted running"::equals), names.out());
        Jpod.Result table = jpod.run("ps", "--format", "table {{.Names}}\\t{{.PodName}}");
        assertTrue(table.out().startsWith("NAMES"), table.out());
        assertTrue(table.out().contains("POD NAME"), table.out());
    }

    @Test
    void inspectTemplateReadsTheState() throws Exception {
        Jpod.Result pid =
                jpod.run("inspect", "-f", "{{.State.Pid}} {{.State.Running}}", "fmt-main");
        assertEquals(0, pid.exitCode(), pid.all());
        String[] parts = pid.out().strip().split(" ");
        assertTrue(Long.parseLong(parts[0]) > 1, pid.out());
        assertEquals("true", parts[1]);
        Jpod.Result pod = jpod.run("pod", "inspect", "--format", "{{.Name}}:{{.State}}", "fmt");
        assertEquals("fmt:Running\n", pod.out(), pod.all());
    }

    @Test
    void jsonIsAnArrayWithPodmansKeys() throws Exception {
        Jpod.Result ps = jpod.run("ps", "--format", "json");
        assertEquals(0, ps.exitCode(), ps.all());
        JsonNode containers = new ObjectMapper().readTree(ps.out());
        assertTrue(containers.isArray());
        JsonNode main = null;
        for (JsonNode c : containers) {
            if (c.path("Names").path(0).asText().equals("fmt-main")) {
                main = c;
            }
        }
        assertTrue(main != null, ps.out());
        assertEquals("fmt", main.path("PodName").asText());
        assertEquals("running", main.path("State").asText());
        assertEquals(64, main.path("Id").asText().length());
        JsonNode pods =
                new ObjectMapper().readTree(jpod.run("pod", "ps", "--format", "json").out());
        JsonNode fmt = null;
        for (JsonNode p : pods) {
            if (p.path("Name").asText().equals("fmt")) {
                fmt = p;
            }
        }
        assertTrue(fmt != null, pods.toString());
        assertEquals("formatted", fmt.path("Labels").path("app").asText());
    }

    @Test
    void aFieldThatDoesNotExistIsAnErrorNamingIt() throws Exception {
        Jpod.Result bad = jpod.run("ps", "--format", "{{.Nope}}");
        assertEquals(125, bad.exitCode(), bad.all());
        assertTrue(bad.err().contains("can't evaluate field Nope"), bad.err());
        Jpod.Result images = jpod.run("images", "--format", "{{.Repository}}:{{.Tag}}");
        assertTrue(
                images.out().lines().anyMatch("localhost/jpod-busybox:latest"::equals),
                images.out());
    }

    @Test
    void filtersNarrowEachList() throws Exception {
        // the pod's labels are its containers' too, the infra's included
        assertEquals(
                "fmt-infra\nfmt-main\n",
                jpod.run("ps", "-a", "--filter", "label=app=formatted", "--format", "{{.Names}}")
                        .out());
        assertEquals(
                "fmt-main\n",
                jpod.run(
                                "ps",
                                "--filter",
                                "name=^fmt-m",
                                "--filter",
                                "status=running",
                                "--format",
                                "{{.Names}}")
                        .out());
        assertEquals(
                "",
                jpod.run("ps", "-a", "--filter", "label=app=other", "--format", "{{.Names}}")
                        .out());
        assertEquals(
                "fmt-main\n",
                jpod.run(
                                "ps",
                                "--filter",
                                "pod=fmt",
                                "--filter",
                                "ancestor=jpod-busybox",
                                "--format",
                                "{{.Names}}")
                        .out());
        assertEquals(
                "fmt\n",
                jpod.run(
                                "pod",
                                "ps",
                                "--filter",
                                "ctr-names=fmt-main",
                                "--filter",
                                "status=running",
                                "--format",
                                "{{.Name}}")
                        .out());
        assertEquals("", jpod.run("pod", "ps", "--filter", "name=^nomatch$", "-q").out());
        assertTrue(
                jpod.run("images", "--filter", "reference=jpod-*", "--format", "{{.Repository}}")
                        .out()
                        .contains("localhost/jpod-busybox"));
        Jpod.Result bad = jpod.run("ps", "--filter", "colour=red");
        assertEquals(125, bad.exitCode(), bad.all());
        assertTrue(bad.err().contains("invalid filter"), bad.err());
    }

    @Test
    void inspectShowsConfigWithTheSecretMasked() throws Exception {
        Jpod.Result all = jpod.run("inspect", "fmt-main");
        assertEquals(0, all.exitCode(), all.all());
        assertFalse(all.out().contains("hunter2-do-not-show"), all.out());
        JsonNode doc = new ObjectMapper().readTree(all.out()).path(0);
        assertEquals("formatted", doc.path("Config").path("Labels").path("app").asText());
        assertEquals("/tmp", doc.path("Config").path("WorkingDir").asText());
        assertEquals("always", doc.path("HostConfig").path("RestartPolicy").path("Name").asText());
        Jpod.Result env =
                jpod.run("inspect", "-f", "{{range .Config.Env}}{{.}}\n{{end}}", "fmt-main");
        assertTrue(env.out().lines().anyMatch("MODE=fast"::equals), env.out());
        assertTrue(env.out().lines().anyMatch(l -> l.startsWith("PASSWORD=<masked")), env.out());
        // the container itself still gets the value
        Jpod.Result inside = jpod.run("exec", "fmt-main", "sh", "-c", "echo $PASSWORD");
        assertEquals("hunter2-do-not-show\n", inside.out(), inside.all());
    }
}
