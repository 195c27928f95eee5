package io.passerelle.partner;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A POS software version such as {@code 2.0.16}, compared number by number ({@code 2.0.16} is newer
 * than {@code 2.0.9}; {@code 2.0} equals {@code 2.0.0}). A suffix such as {@code -beta} or {@code +42}
 * is kept for display and ignored in comparisons: a minimum version is about features, not builds.
 */
public final class PosVersion implements Comparable<PosVersion> {

    public static final int MAX_LENGTH = 32;
    private static final Pattern FORMAT = Pattern.compile("v?(\\d{1,9}(?:\\.\\d{1,9}){0,3})(?:[-+][0-9A-Za-z.-]*)?");

    private final String text;
    /** Numbers with trailing zeros removed, so that equal versions have equal parts. */
    private final int[] parts;

    private PosVersion(String text, int[] parts) {
        this.text = text;
        this.parts = parts;
    }

    /** Throws IllegalArgumentException unless the text is a version such as 2.0.16. */
    public static PosVersion parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException("Not a POS version: " + text));
    }

    public static Optional<PosVersion> tryParse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        Matcher matcher = FORMAT.matcher(trimmed);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int[] numbers = Arrays.stream(matcher.group(1).split("\\.")).mapToInt(Integer::parseInt).toArray();
        int length = numbers.length;
        while (length > 1 && numbers[length - 1] == 0) {
            length--;
        }
        return Optional.of(new PosVersion(trimmed, Arrays.copyOf(numbers, length)));
    }

    public boolean isAtLeast(PosVersion minimum) {
        return compareTo(minimum) >= 0;
    }

    @Override
    public int compareTo(PosVersion other) {
        for (int i = 0; i < Math.max(parts.length, other.parts.length); i++) {
            int mine = i < parts.length ? parts[i] : 0;
            int theirs = i < other.parts.length ? other.parts[i] : 0;
            if (mine != theirs) {
                return Integer.compare(mine, theirs);
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PosVersion that && Arrays.equals(parts, that.parts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parts);
    }

    @Override
    public String toString() {
        return text;
    }
}
