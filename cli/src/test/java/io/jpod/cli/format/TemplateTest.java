package io.jpod.cli.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Templates as podman users write them, with the output Go's text/template gives for the same data
 * (maps print sorted, structs in braces, missing map keys as {@code <no value>}).
 */
class TemplateTest {

    static Object container() {
        Map<String, Object> labels = new LinkedHashMap<>();
        labels.put("tier", "front");
        labels.put("app", "web");
        return new GoStruct("container")
                .with("ID", "abc")
                .with("Names", "web-server")
                .with("Labels", labels)
                .with(
                        "State",
                        new GoStruct("state")
                                .with("Pid", 42L)
                                .with("Running", true)
                                .with("Status", "running"))
                .with("List", List.of("a", "b"))
                .with("Empty", List.of())
                .with("Mounts", List.of(new GoStruct("mount").with("Destination", "/data")))
                .with("Restarts", 3L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '\'',
            value = {
                "{{.Names}} => web-server",
                "{{.State.Pid}} => 42",
                "{{.Labels.app}} => web",
                "{{.Labels.missing}} => <no value>",
                "{{index .Labels \"tier\"}} => front",
                "{{index .List 1}} => b",
                "{{json .Labels}} => {\"app\":\"web\",\"tier\":\"front\"}",
                "{{json .State}} => {\"Pid\":42,\"Running\":true,\"Status\":\"running\"}",
                "{{json .List}} => [\"a\",\"b\"]",
                "{{range .List}}{{.}},{{end}} => a,b,",
                "{{join .List \",\"}} => a,b",
                "{{upper .Names}} => WEB-SERVER",
                "{{.Names | upper}} => WEB-SERVER",
                "{{lower \"ABC\"}} => abc",
                "{{title \"hello world\"}} => Hello World",
                "{{len .List}} => 2",
                "{{len .Names}} => 10",
                "{{len .Labels}} => 2",
                "{{if .State.Running}}up{{else}}down{{end}} => up",
                "{{if .Empty}}some{{else}}none{{end}} => none",
                "{{if eq .State.Status \"exited\"}}x{{else if eq .State.Status"
                        + " \"running\"}}r{{else}}?{{end}} => r",
                "{{if eq .State.Status \"a\" \"running\"}}one of{{end}} => one of",
                "{{if ne .Restarts 0}}restarted{{end}} => restarted",
                "{{if gt .Restarts 2}}many{{end}} => many",
                "{{if and .State.Running (not .Empty)}}yes{{end}} => yes",
                "{{or .Empty \"fallback\"}} => fallback",
                "{{range $k, $v := .Labels}}{{$k}}={{$v}};{{end}} => app=web;tier=front;",
                "{{range $i, $e := .List}}{{$i}}:{{$e}} {{end}} => '0:a 1:b '",
                "{{range $e := .List}}[{{$e}}]{{end}} => [a][b]",
                "{{range .Empty}}a{{else}}none{{end}} => none",
                "{{range .Mounts}}{{.Destination}}{{end}} => /data",
                "{{(index .Mounts 0).Destination}} => /data",
                "{{.Labels}} => map[app:web tier:front]",
                "{{.List}} => [a b]",
                "{{.State}} => {42 true running}",
                "{{printf \"%-5s|\" .ID}} => abc  |",
                "{{printf \"%d/%s\" .Restarts .Names}} => 3/web-server",
                "{{printf \"%q\" .ID}} => \"abc\"",
                "{{with .State}}{{.Pid}}{{end}} => 42",
                "{{with .Empty}}x{{else}}empty{{end}} => empty",
                "'x  {{- \"y\" -}}  z' => xyz",
                "{{/* a comment */}}ok => ok",
                "{{- /* trimmed */ -}} ok => ok",
                "{{$x := .ID}}{{$x}}-{{$.Names}} => abc-web-server",
                "{{$x := 1}}{{$x = 2}}{{$x}} => 2",
                "{{range .List}}{{$.ID}}{{end}} => abcabc",
                "{{split \"a:b\" \":\"}} => [a b]",
                "{{truncate .Names 3}} => web",
                "{{pad .ID 1 2}} => ' abc  '",
                "{{print .ID 1 2}} => abc1 2",
                "{{`raw\\t`}} => raw\\t",
                "{{true}} {{1.5}} {{-3}} => true 1.5 -3",
            })
    void rendersAsGoDoes(String template, String expected) throws TemplateException {
        assertEquals(expected, Template.parse(template).execute(container()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = " => ",
            quoteCharacter = '\'',
            value = {
                "{{.Nope}} => can't evaluate field Nope in type container",
                "{{.State.Nope}} => can't evaluate field Nope in type state",
                "{{.Names.First}} => can't evaluate field First in type string",
                "{{.Names => unclosed action",
                "{{if .ID}}x => has no {{end}}",
                "{{end}} => unexpected {{end}}",
                "{{else}} => unexpected {{else}}",
                "{{nosuch .ID}} => function \"nosuch\" not defined",
                "{{.ID .Names}} => can't give argument to non-function .ID",
                "{{index .List 5}} => index out of range: 5",
                "{{len 3}} => len of type int is not defined",
                "{{$y}} => undefined variable: $y",
                "{{template \"x\"}} => is not supported",
                "{{lt .ID 3}} => incompatible types for comparison",
                "{{range .ID}}{{end}} => range can't iterate over abc",
                "{{\"open}} => unterminated quoted string",
            })
    void refusesWhatGoRefuses(String template, String message) {
        TemplateException e =
                assertThrows(
                        TemplateException.class,
                        () -> Template.parse(template).execute(container()));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().startsWith("template: "), e.getMessage());
    }
}
