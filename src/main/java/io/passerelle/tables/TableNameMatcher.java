package io.passerelle.tables;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a POS's table names with the restaurant's. Only an identical name is an exact match (a push-style POS
 * sends back the very name it was given); anything else that is close is a suggestion for a person to confirm.
 */
final class TableNameMatcher {

    /** A word for "table" in the languages of our restaurants (and common abbreviations), then a number. */
    private static final Pattern NUMBERED_TABLE = Pattern.compile(
            "(?:t|tab|tbl|table|tav|tavolo|tavola|tisch|mesa)?0*(\\d+)");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TableNameMatcher() {}

    static boolean exact(String posName, String tableName) {
        return posName.equals(tableName);
    }

    /** Lower case, without accents, spaces or punctuation: "Terrazza-3 " and "terrazza 3" become "terrazza3". */
    static String normalise(String name) {
        String withoutAccents = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(withoutAccents.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** The table number a name stands for ("T12", "Tavolo 12", "tisch 012", "12" all give "12"), if it is one. */
    static Optional<String> tableNumber(String name) {
        Matcher numbered = NUMBERED_TABLE.matcher(normalise(name));
        return numbered.matches() ? Optional.of(numbered.group(1)) : Optional.empty();
    }

    /** How close the two names are, unless they are identical or unrelated. */
    static Optional<Similarity> similarity(String posName, String tableName) {
        if (exact(posName, tableName)) {
            return Optional.empty();
        }
        if (posName.equalsIgnoreCase(tableName)) {
            return Optional.of(Similarity.CASE);
        }
        if (normalise(posName).equals(normalise(tableName))) {
            return Optional.of(Similarity.SPELLING);
        }
        Optional<String> number = tableNumber(posName);
        if (number.isPresent() && number.equals(tableNumber(tableName))) {
            return Optional.of(Similarity.NUMBER);
        }
        return Optional.empty();
    }

    /** The tables whose names are close to the POS name, closest first, then by name. */
    static <T> List<Candidate<T>> suggestions(String posName, List<T> tables, Function<T, String> name) {
        return tables.stream()
                .flatMap(table -> similarity(posName, name.apply(table)).map(how -> new Candidate<>(table, how)).stream())
                .sorted(Comparator.comparing((Candidate<T> candidate) -> candidate.similarity())
                        .thenComparing(candidate -> name.apply(candidate.table())))
                .toList();
    }

    record Candidate<T>(T table, Similarity similarity) {}
}
