package io.jpod.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.jpod.cli.Errors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code jpod kube apply} as a user types it, against fabric8's mock API server. */
class KubeApplyCommandTest {
    @TempDir Path dir;

    private KubernetesMockServer server;
    private Path kubeconfig;
    private Path manifest;

    private record Outcome(int code, String out, String err) {}

    @BeforeEach
    void start() throws Exception {
        server = new KubernetesMockServer(false);
        server.init();
        kubeconfig = dir.resolve("config");
        Files.writeString(
                kubeconfig,
                """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "http://%s:%d"}}]
                users: [{name: u, user: {token: t}}]
                contexts: [{name: ctx, context: {cluster: c, user: u, namespace: shop}}]
                current-context: ctx
                """
                        .formatted(server.getHostName(), server.getPort()));
        manifest = dir.resolve("web.yaml");
        Files.writeString(
                manifest,
                "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\n"
                        + "spec: {containers: [{name: c, image: nginx}]}\n");
    }

    @AfterEach
    void stop() {
        server.destroy();
    }

    private static Outcome run(String... args) {
        CommandLine cmd = new CommandLine(new JpodCommand());
        cmd.setExecutionExceptionHandler((ex, line, parsed) -> Errors.report(ex, line.getErr()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void appliesAndPrintsKubectlsLine() throws Exception {
        server.expect()
                .patch()
                .withPath("/api/v1/namespaces/shop/pods/web?fieldManager=jpod&dryRun=All")
                .andReturn(
                        200,
                        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web\"}}")
                .once();
        Outcome o =
                run(
                        "kube",
                        "apply",
                        "-f",
                        manifest.toString(),
                        "--kubeconfig",
                        kubeconfig.toString(),
                        "--dry-run=server");
        assertEquals(new Outcome(0, "pod/web serverside-applied (server dry run)\n", ""), o);
        assertEquals("PATCH", server.getLastRequest().getMethod());
        assertTrue(
                server.getLastRequest()
                        .getHeader("Content-Type")
                        .startsWith("application/apply-patch+yaml"),
                server.getLastRequest().getHeader("Content-Type"));
    }

    @Test
    void aRefusalIsJpodsErrorWithItsExitCode() throws Exception {
        Outcome o =
                run(
                        "kube",
                        "apply",
                        "-f",
                        manifest.toString(),
                        "--kubeconfig",
                        dir.resolve("missing").toString());
        assertEquals(125, o.code());
        assertEquals("Error: kubeconfig " + dir.resolve("missing") + " does not exist\n", o.err());
        assertEquals(
                125, run("kube", "apply", "-f", manifest.toString(), "--dry-run=client").code());
    }
}
