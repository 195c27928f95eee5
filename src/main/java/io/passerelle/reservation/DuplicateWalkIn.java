package io.passerelle.reservation;

import java.time.Instant;

/**
 * A walk-in the POS reported that probably duplicates a confirmed or seated booking: opened within that booking's
 * walk-in matching window ({@link WalkInSettings}), and either on its table or, on no known table, for exactly its
 * party size with nothing else to explain either (see {@link Match}). Probably the booked guests, seated without the
 * POS naming the booking.
 *
 * @param tableName the dining table for {@link Match#SAME_TABLE}; for {@link Match#SAME_COVERS} the POS's own name
 *                  for the table, or null when it named none
 * @param guestName the booking's guest, or null
 */
public record DuplicateWalkIn(long walkInId, Instant walkInStart, int walkInCovers, ReservationStatus walkInStatus,
        String tableName, Match match, long reservationId, Instant reservationStart, String guestName, int partySize,
        ReservationStatus reservationStatus) {

    /** Why the pair is listed. */
    public enum Match {
        /** The walk-in was opened on the booking's dining table; of several bookings, the one nearest in time. */
        SAME_TABLE,
        /**
         * The walk-in is on no known table; the POS reported exactly the booking's party size as covers, the booking
         * has no POS order of its own, and each is the other's only such candidate.
         */
        SAME_COVERS
    }
}
