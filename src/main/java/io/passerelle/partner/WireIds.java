package io.passerelle.partner;

import java.util.Locale;
import java.util.Optional;

/**
 * Ids on the wire, the same in every direction (push bodies, the pull feed, POS events): "r_" or "g_" and the
 * database id in base 36 ({@code r_8kq2}). Parsed strictly: anything else is not an id at all (400), while a
 * well-formed id of no row of this restaurant is "not found" (404).
 */
public final class WireIds {

    public static final String RESERVATION = "r_";
    public static final String GUEST = "g_";
    /** Long.MAX_VALUE in base 36 has 13 digits. */
    private static final String DIGITS = "[0-9a-z]{1,13}";

    private WireIds() {}

    public static String reservation(long id) {
        return RESERVATION + Long.toString(id, 36);
    }

    public static String guest(long id) {
        return GUEST + Long.toString(id, 36);
    }

    /** Empty unless the text is "r_" and base-36 digits of a positive id (lower case, as we send them). */
    public static Optional<Long> parseReservation(String text) {
        if (text == null || !text.startsWith(RESERVATION)) {
            return Optional.empty();
        }
        String digits = text.substring(RESERVATION.length());
        if (!digits.matches(DIGITS) || !digits.equals(digits.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(digits, 36);
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException overflow) {
            return Optional.empty();
        }
    }
}
