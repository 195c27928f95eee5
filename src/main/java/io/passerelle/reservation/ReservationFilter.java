package io.passerelle.reservation;

import java.time.LocalDate;
import java.util.Set;

/**
 * Which reservations to list. Dates are days in the restaurant's time zone, both inclusive; any
 * criterion may be null (or empty) for "any".
 *
 * @param text matched against the guest's name, mobile and e-mail, the table and the notes
 */
public record ReservationFilter(LocalDate from, LocalDate to, Set<ReservationStatus> statuses, String text,
        Long guestId) {

    public ReservationFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        text = text == null || text.isBlank() ? null : text.strip();
    }

    public static ReservationFilter between(LocalDate from, LocalDate to) {
        return new ReservationFilter(from, to, Set.of(), null, null);
    }

    public static ReservationFilter ofGuest(long guestId) {
        return new ReservationFilter(null, null, Set.of(), null, guestId);
    }
}
