package io.jpod.model.yaml;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * Composes YAML text into node trees, keeping marks for locations. Composing (not constructing)
 * keeps the class count low and lets readers check duplicate keys and scalar types themselves.
 */
public final class YamlDocuments {
    private YamlDocuments() {}

    /** The documents that parsed, in order, and the syntax error that stopped parsing, if any. */
    public record Parsed(List<YNode> documents, YamlSyntaxException error) {}

    public static Parsed compose(String file, String text, Issues issues) {
        LoadSettings settings = LoadSettings.builder().setLabel(file).setUseMarks(true).build();
        List<YNode> documents = new ArrayList<>();
        try {
            for (Node node : new Compose(settings).composeAllFromString(text)) {
                documents.add(YNode.root(node, file, issues));
            }
            return new Parsed(documents, null);
        } catch (MarkedYamlEngineException e) {
            Mark mark =
                    e.getProblemMark()
                            .or(e::getContextMark)
                            .map(m -> new Mark(file, m.getLine() + 1, m.getColumn() + 1))
                            .orElse(new Mark(file, 0, 0));
            String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            String context = e.getContext() == null ? "" : " " + e.getContext();
            return new Parsed(
                    documents, new YamlSyntaxException(mark, "YAML syntax: " + problem + context));
        } catch (YamlEngineException e) {
            return new Parsed(
                    documents,
                    new YamlSyntaxException(
                            new Mark(file, 0, 0), "YAML syntax: " + e.getMessage()));
        }
    }
}
