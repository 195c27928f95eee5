package io.passerelle.reservation;

import java.time.Instant;

/**
 * A walk-in the POS reported on the table of a confirmed or seated booking, opened within that booking's walk-in
 * matching window ({@link WalkInSettings}): probably the booked guests, seated without the POS naming the booking.
 *
 * @param guestName the booking's guest, or null
 */
public record DuplicateWalkIn(long walkInId, Instant walkInStart, int walkInCovers, ReservationStatus walkInStatus,
        String tableName, long reservationId, Instant reservationStart, String guestName, int partySize,
        ReservationStatus reservationStatus) {}
