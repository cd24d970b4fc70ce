package io.jpod.cli.format;

import java.util.List;

/** Go's fmt.Sprintf for the verbs formats use: %v %s %d %q %t %f %x %%, flags, width, precision. */
final class Printf {

    private Printf() {}

    static String format(String format, List<Object> args) throws TemplateException {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int start = i++;
            while (i < format.length() && "-+# 0".indexOf(format.charAt(i)) >= 0) {
                i++;
            }
            while (i < format.length()
                    && (Character.isDigit(format.charAt(i)) || format.charAt(i) == '.')) {
                i++;
            }
            if (i >= format.length()) {
                out.append("%!(NOVERB)");
                break;
            }
            char verb = format.charAt(i);
            String spec = format.substring(start, i);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (next >= args.size()) {
                out.append("%!").append(verb).append("(MISSING)");
                continue;
            }
            out.append(one(spec, verb, args.get(next++)));
        }
        if (next < args.size()) {
            out.append("%!(EXTRA ");
            for (int k = next; k < args.size(); k++) {
                out.append(k > next ? ", " : "")
                        .append(GoValues.kind(args.get(k)))
                        .append('=')
                        .append(GoValues.print(args.get(k)));
            }
            out.append(')');
        }
        return out.toString();
    }

    private static String one(String spec, char verb, Object arg) {
        String flags = spec.substring(1).replace("#", "").replace(" ", "");
        return switch (verb) {
            case 'd' ->
                    arg instanceof Number n && GoValues.isIntegral(n)
                            ? String.format("%" + flags + "d", n.longValue())
                            : bad(verb, arg);
            case 'x', 'X' ->
                    arg instanceof Number n && GoValues.isIntegral(n)
                            ? String.format("%" + flags + verb, n.longValue())
                            : String.format(
                                    "%" + flags + "s", hex(GoValues.print(arg), verb == 'X'));
            case 'f', 'e', 'g' ->
                    arg instanceof Number n
                            ? String.format(
                                    "%" + (flags.contains(".") ? flags : flags + ".6") + verb,
                                    n.doubleValue())
                            : bad(verb, arg);
            case 'q' -> String.format("%" + flags + "s", quote(GoValues.print(arg)));
            case 't' ->
                    arg instanceof Boolean ? String.format("%" + flags + "s", arg) : bad(verb, arg);
            case 's', 'v' -> String.format("%" + flags + "s", GoValues.print(arg));
            default -> bad(verb, arg);
        };
    }

    private static String hex(String s, boolean upper) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            sb.append(String.format(upper ? "%02X" : "%02x", b));
        }
        return sb.toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static String bad(char verb, Object arg) {
        return "%!" + verb + "(" + GoValues.kind(arg) + "=" + GoValues.print(arg) + ")";
    }
}
