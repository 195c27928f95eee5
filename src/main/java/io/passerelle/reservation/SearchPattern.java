package io.passerelle.reservation;

import java.util.Locale;

/**
 * Turns what a person typed into a case-insensitive "contains" LIKE pattern. '!' is the escape
 * character (a backslash would need escaping again inside MariaDB string literals).
 */
final class SearchPattern {

    static final char ESCAPE = '!';

    private SearchPattern() {}

    /** Null for blank input, meaning "no text filter". */
    static String contains(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String escaped = text.strip().toLowerCase(Locale.ROOT)
                .replace("!", "!!")
                .replace("%", "!%")
                .replace("_", "!_");
        return "%" + escaped + "%";
    }
}
