package io.passerelle.reservation;

import java.time.Instant;

/**
 * One way a reservation differs from what the POS last reported about it (its latest order).
 *
 * @param guestName     null for a reservation without a guest
 * @param platformValue Passerelle's value: a {@link ReservationStatus} name, a table name or a number of covers;
 *                      null when there is none (no table)
 * @param posValue      the POS's value, in the same form
 */
public record Drift(long reservationId, Instant start, String guestName, Field field, String platformValue,
        String posValue) {

    public enum Field {
        STATUS,
        TABLE,
        COVERS
    }
}
