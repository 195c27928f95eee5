package io.passerelle.shared;

import java.util.Locale;

/**
 * Turns what a person typed into a case-insensitive "contains" LIKE pattern. '!' is the escape
 * character (a backslash would need escaping again inside MariaDB string literals).
 */
public final class SearchPattern {

    public static final char ESCAPE = '!';

    private SearchPattern() {}

    /** Null for blank input, meaning "no text filter". */
    public static String contains(String text) {
        String escaped = escaped(text);
        return escaped == null ? null : "%" + escaped + "%";
    }

    /** Null for blank input, meaning "no text filter". */
    public static String startsWith(String text) {
        String escaped = escaped(text);
        return escaped == null ? null : escaped + "%";
    }

    private static String escaped(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        // '%' and '_' typed by a person are searched for, not wildcards
        return text.strip().toLowerCase(Locale.ROOT)
                .replace("!", "!!")
                .replace("%", "!%")
                .replace("_", "!_");
    }
}
