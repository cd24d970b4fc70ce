package io.jpod.cli.format;

import io.jpod.cli.format.Node.Arg;
import io.jpod.cli.format.Node.Block;
import io.jpod.cli.format.Node.Command;
import io.jpod.cli.format.Node.Kind;
import io.jpod.cli.format.Node.Pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Go's text/template syntax: text, {@code {{ }}} actions with {@code -} trim markers and
 * comments, pipelines, variables, and if/else if/else, with and range blocks. {@code define},
 * {@code template} and {@code block} are refused: podman's formats do not use them.
 */
final class TemplateParser {

    private enum Type {
        FIELD,
        VARIABLE,
        STRING,
        NUMBER,
        WORD,
        PIPE,
        OPEN,
        CLOSE,
        DECLARE,
        ASSIGN,
        COMMA
    }

    private record Token(Type type, String text, boolean spaced, int column) {}

    /** One action's tokens, and where the text around it starts again. */
    private record Action(List<Token> tokens, int column) {}

    private final String source;
    private final List<Object> items = new ArrayList<>(); // String text or Action
    private int next;

    private TemplateParser(String source) {
        this.source = source;
    }

    static List<Node> parse(String source) throws TemplateException {
        TemplateParser p = new TemplateParser(source);
        p.split();
        List<Node> nodes = new ArrayList<>();
        String end = p.parseList(nodes);
        if (end != null) {
            throw p.error("unexpected {{" + end + "}}", 0);
        }
        return nodes;
    }

    // ---- splitting into text and actions ----

    private void split() throws TemplateException {
        int i = 0;
        StringBuilder text = new StringBuilder();
        while (i < source.length()) {
            int open = source.indexOf("{{", i);
            if (open < 0) {
                text.append(source, i, source.length());
                break;
            }
            text.append(source, i, open);
            int start = open + 2;
            if (trimMarker(start)) {
                trimTrailing(text);
                start += 2;
            }
            int[] end = new int[1];
            List<Token> tokens = lexAction(start, end);
            int close = end[0];
            boolean trimAfter = close > 0 && source.charAt(close - 1) == '-' && isTrimBefore(close);
            items.add(text.toString());
            text.setLength(0);
            if (tokens != null) {
                items.add(new Action(tokens, open + 1));
            }
            i = close + 2;
            if (trimAfter) {
                while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
                    i++;
                }
            }
        }
        items.add(text.toString());
    }

    private boolean trimMarker(int at) {
        return at + 1 < source.length()
                && source.charAt(at) == '-'
                && isSpace(source.charAt(at + 1));
    }

    private boolean isTrimBefore(int close) {
        return close >= 2 && isSpace(source.charAt(close - 2));
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private static void trimTrailing(StringBuilder text) {
        int n = text.length();
        while (n > 0 && Character.isWhitespace(text.charAt(n - 1))) {
            n--;
        }
        text.setLength(n);
    }

    /** Tokens of the action starting at {@code i}; null for a comment. end[0] = index of "}}". */
    private List<Token> lexAction(int i, int[] end) throws TemplateException {
        List<Token> tokens = new ArrayList<>();
        int j = i;
        while (j < source.length() && isSpace(source.charAt(j))) {
            j++;
        }
        if (source.startsWith("/*", j)) {
            int close = source.indexOf("*/", j + 2);
            if (close < 0) {
                throw error("unclosed comment", j);
            }
            int k = close + 2;
            while (k < source.length() && isSpace(source.charAt(k))) {
                k++;
            }
            if (source.startsWith("-}}", k)) {
                k++;
            }
            if (!source.startsWith("}}", k)) {
                throw error("comment ends before closing delimiter", k);
            }
            end[0] = k;
            return null;
        }
        boolean spaced = true;
        while (true) {
            if (j >= source.length()) {
                throw error("unclosed action", i);
            }
            char c = source.charAt(j);
            if (isSpace(c)) {
                spaced = true;
                j++;
                continue;
            }
            if (c == '-' && source.startsWith("}}", j + 1) && spaced) {
                end[0] = j + 1;
                return tokens;
            }
            if (source.startsWith("}}", j)) {
                end[0] = j;
                return tokens;
            }
            int start = j;
            Type type;
            switch (c) {
                case '|' -> {
                    type = Type.PIPE;
                    j++;
                }
                case '(' -> {
                    type = Type.OPEN;
                    j++;
                }
                case ')' -> {
                    type = Type.CLOSE;
                    j++;
                }
                case ',' -> {
                    type = Type.COMMA;
                    j++;
                }
                case '=' -> {
                    type = Type.ASSIGN;
                    j++;
                }
                case ':' -> {
                    if (!source.startsWith(":=", j)) {
                        throw error("unexpected \":\" in action", j);
                    }
                    type = Type.DECLARE;
                    j += 2;
                }
                case '"' -> {
                    type = Type.STRING;
                    j = quoted(j, '"');
                }
                case '`' -> {
                    type = Type.STRING;
                    j = quoted(j, '`');
                }
                case '.' -> {
                    if (j + 1 < source.length() && Character.isDigit(source.charAt(j + 1))) {
                        type = Type.NUMBER;
                        j = number(j);
                    } else {
                        type = Type.FIELD;
                        j = fieldChain(j);
                    }
                }
                case '$' -> {
                    type = Type.VARIABLE;
                    j = identifier(j + 1);
                    j = fieldChain(j);
                }
                default -> {
                    if (Character.isDigit(c) || c == '-' || c == '+') {
                        type = Type.NUMBER;
                        j = number(j);
                    } else if (Character.isLetter(c) || c == '_') {
                        type = Type.WORD;
                        j = identifier(j);
                    } else {
                        throw error("unexpected \"" + c + "\" in action", j);
                    }
                }
            }
            tokens.add(new Token(type, source.substring(start, j), spaced, start + 1));
            spaced = false;
        }
    }

    private int quoted(int j, char quote) throws TemplateException {
        int k = j + 1;
        while (k < source.length() && source.charAt(k) != quote) {
            if (quote == '"' && source.charAt(k) == '\\') {
                k++;
            }
            if (quote == '"' && k < source.length() && source.charAt(k) == '\n') {
                break;
            }
            k++;
        }
        if (k >= source.length() || source.charAt(k) != quote) {
            throw error("unterminated quoted string", j);
        }
        return k + 1;
    }

    private static final Pattern NUMBER =
            Pattern.compile(
                    "[-+]?(0x[0-9a-fA-F_]+|([0-9_]+\\.?[0-9_]*|\\.[0-9_]+)([eE][-+]?[0-9]+)?)");

    private int number(int j) throws TemplateException {
        Matcher m = NUMBER.matcher(source).region(j, source.length());
        if (!m.lookingAt()) {
            throw error("bad number syntax", j + 1);
        }
        return m.end();
    }

    private int identifier(int j) {
        int k = j;
        while (k < source.length()
                && (Character.isLetterOrDigit(source.charAt(k)) || source.charAt(k) == '_')) {
            k++;
        }
        return k;
    }

    private int fieldChain(int j) {
        int k = j;
        while (k < source.length() && source.charAt(k) == '.') {
            int after = identifier(k + 1);
            if (after == k + 1) {
                // a lone "." is dot itself; only the first may stand alone
                return k == j ? k + 1 : k;
            }
            k = after;
        }
        return k;
    }

    // ---- parsing ----

    /** Parses nodes into {@code out} until end of input (null) or a keyword that ends a list. */
    private String parseList(List<Node> out) throws TemplateException {
        while (next < items.size()) {
            Object item = items.get(next++);
            if (item instanceof String text) {
                if (!text.isEmpty()) {
                    out.add(new Node.Text(text));
                }
                continue;
            }
            Action action = (Action) item;
            List<Token> t = action.tokens();
            if (t.isEmpty()) {
                throw error("missing value for command", action.column());
            }
            Token first = t.getFirst();
            String word = first.type() == Type.WORD ? first.text() : "";
            switch (word) {
                case "end" -> {
                    expectAlone(t, action);
                    return "end";
                }
                case "else" -> {
                    // "else if X" is kept whole for the enclosing if to continue with
                    pendingElse = t;
                    return "else";
                }
                case "if", "with", "range" -> out.add(block(word, t, action));
                case "break", "continue", "define", "template", "block" ->
                        throw error("{{" + word + "}} is not supported", action.column());
                default -> out.add(new Node.Action(pipeline(t, 0, action.column(), true)));
            }
        }
        return null;
    }

    private List<Token> pendingElse;

    private Node block(String word, List<Token> t, Action action) throws TemplateException {
        Kind kind =
                switch (word) {
                    case "if" -> Kind.IF;
                    case "with" -> Kind.WITH;
                    default -> Kind.RANGE;
                };
        Pipeline pipe = pipeline(t, 1, action.column(), kind == Kind.RANGE);
        if (pipe.commands().isEmpty()) {
            throw error("missing value for " + word, action.column());
        }
        List<Node> body = new ArrayList<>();
        String end = parseList(body);
        List<Node> otherwise = new ArrayList<>();
        if ("else".equals(end)) {
            List<Token> elseTokens = pendingElse;
            if (elseTokens.size() > 1) {
                Token second = elseTokens.get(1);
                boolean chained =
                        second.type() == Type.WORD
                                && (second.text().equals("if") || second.text().equals("with"));
                if (!chained || !second.text().equals(word)) {
                    throw error("unexpected tokens after else", action.column());
                }
                // else if ... : a nested block that shares this one's {{end}}
                otherwise.add(block(word, elseTokens.subList(1, elseTokens.size()), action));
                return new Block(kind, pipe, body, otherwise);
            }
            end = parseList(otherwise);
        }
        if (!"end".equals(end)) {
            throw error("unexpected EOF: {{" + word + "}} has no {{end}}", action.column());
        }
        return new Block(kind, pipe, body, otherwise);
    }

    private void expectAlone(List<Token> t, Action action) throws TemplateException {
        if (t.size() > 1) {
            throw error("unexpected " + t.get(1).text() + " in end", action.column());
        }
    }

    private Pipeline pipeline(List<Token> t, int from, int column, boolean mayDeclare)
            throws TemplateException {
        List<String> variables = new ArrayList<>();
        boolean assign = false;
        int i = from;
        // $x := ... or $i, $e := ... (range only for two)
        int j = i;
        List<String> candidates = new ArrayList<>();
        while (j < t.size() && t.get(j).type() == Type.VARIABLE && !t.get(j).text().contains(".")) {
            candidates.add(t.get(j).text());
            if (j + 1 < t.size() && t.get(j + 1).type() == Type.COMMA) {
                j += 2;
                continue;
            }
            j++;
            break;
        }
        if (!candidates.isEmpty()
                && j < t.size()
                && (t.get(j).type() == Type.DECLARE || t.get(j).type() == Type.ASSIGN)) {
            if (candidates.size() > 2 || (candidates.size() == 2 && !mayDeclare)) {
                throw error("too many declarations", column);
            }
            variables = candidates;
            assign = t.get(j).type() == Type.ASSIGN;
            i = j + 1;
        }
        int[] pos = {i};
        List<Command> commands = commands(t, pos, column, false);
        if (pos[0] != t.size()) {
            throw error("unexpected \"" + t.get(pos[0]).text() + "\"", t.get(pos[0]).column());
        }
        return new Pipeline(List.copyOf(variables), assign, commands, column);
    }

    private List<Command> commands(List<Token> t, int[] pos, int column, boolean nested)
            throws TemplateException {
        List<Command> commands = new ArrayList<>();
        List<Arg> args = new ArrayList<>();
        while (pos[0] < t.size()) {
            Token tok = t.get(pos[0]);
            if (tok.type() == Type.CLOSE) {
                if (!nested) {
                    throw error("unexpected \")\"", tok.column());
                }
                break;
            }
            pos[0]++;
            if (tok.type() == Type.PIPE) {
                if (args.isEmpty()) {
                    throw error("missing command before |", tok.column());
                }
                commands.add(new Command(List.copyOf(args)));
                args.clear();
                continue;
            }
            args.add(operand(tok, t, pos, column));
        }
        if (!args.isEmpty()) {
            commands.add(new Command(List.copyOf(args)));
        } else if (!commands.isEmpty()) {
            throw error("missing command after |", column);
        }
        return commands;
    }

    private Arg operand(Token tok, List<Token> t, int[] pos, int column) throws TemplateException {
        Arg arg =
                switch (tok.type()) {
                    case FIELD -> new Node.Field(null, names(tok.text()));
                    case VARIABLE -> {
                        int dot = tok.text().indexOf('.');
                        String name = dot < 0 ? tok.text() : tok.text().substring(0, dot);
                        yield new Node.Field(
                                name, dot < 0 ? List.of() : names(tok.text().substring(dot)));
                    }
                    case STRING -> new Node.Literal(unquote(tok));
                    case NUMBER -> new Node.Literal(number(tok));
                    case WORD ->
                            switch (tok.text()) {
                                case "true" -> new Node.Literal(Boolean.TRUE);
                                case "false" -> new Node.Literal(Boolean.FALSE);
                                case "nil" -> new Node.Literal(null);
                                default -> new Node.Identifier(tok.text());
                            };
                    case OPEN -> {
                        List<Command> inner = commands(t, pos, column, true);
                        if (pos[0] >= t.size() || t.get(pos[0]).type() != Type.CLOSE) {
                            throw error("unclosed left paren", tok.column());
                        }
                        pos[0]++;
                        yield new Node.Nested(new Pipeline(List.of(), false, inner, tok.column()));
                    }
                    default -> throw error("unexpected \"" + tok.text() + "\"", tok.column());
                };
        while (pos[0] < t.size()
                && t.get(pos[0]).type() == Type.FIELD
                && !t.get(pos[0]).spaced()
                && !(arg instanceof Node.Identifier)) {
            Token chain = t.get(pos[0]++);
            arg = new Node.Chain(arg, names(chain.text()));
        }
        return arg;
    }

    private static List<String> names(String chain) {
        List<String> names = new ArrayList<>();
        for (String part : chain.split("\\.")) {
            if (!part.isEmpty()) {
                names.add(part);
            }
        }
        return List.copyOf(names);
    }

    private Object number(Token tok) throws TemplateException {
        String s = tok.text().replace("_", "");
        try {
            if (s.matches("[-+]?(0x[0-9a-fA-F]+|[0-9]+)")) {
                return s.contains("0x")
                        ? Long.parseLong(s.replace("0x", ""), 16)
                        : Long.parseLong(s);
            }
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw error("bad number syntax: \"" + tok.text() + "\"", tok.column());
        }
    }

    private String unquote(Token tok) throws TemplateException {
        String s = tok.text();
        String body = s.substring(1, s.length() - 1);
        if (s.charAt(0) == '`') {
            return body;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case '\\' -> sb.append('\\');
                case '"' -> sb.append('"');
                default -> throw error("invalid escape \\" + e, tok.column());
            }
        }
        return sb.toString();
    }

    private TemplateException error(String message, int column) {
        return new TemplateException(
                "template: :" + (column > 0 ? "1:" + column + ": " : " ") + message);
    }
}
