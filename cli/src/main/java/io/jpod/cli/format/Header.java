package io.jpod.cli.format;

import java.util.Map;

/**
 * What a {@code table} format's header line is executed against: any field names itself, as a
 * command's override or as its words in capitals ({@code CreatedAt} reads {@code CREATED AT}).
 */
record Header(String label, Map<String, String> overrides) {

    Header field(String name) {
        return new Header(overrides.getOrDefault(name, words(name)), overrides);
    }

    static String words(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean boundary =
                    i > 0
                            && Character.isUpperCase(c)
                            && (Character.isLowerCase(name.charAt(i - 1))
                                    || (i + 1 < name.length()
                                            && Character.isLowerCase(name.charAt(i + 1))
                                            && Character.isUpperCase(name.charAt(i - 1))));
            if (boundary) {
                sb.append(' ');
            }
            sb.append(Character.toUpperCase(c));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return label;
    }
}
