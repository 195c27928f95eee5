package io.passerelle.reservation;

/**
 * A reservation was created or changed; {@code version} is its version after the change, the one
 * the POS acknowledges. Published inside the changing transaction.
 *
 * @param reportedByPos who reported the change when a POS did (seated, finished, a walk-in); null for a change made
 *                      on the platform
 */
public record ReservationChanged(long restaurantId, long reservationId, long version, ReportedByPos reportedByPos) {

    /** A change made on the platform. */
    public ReservationChanged(long restaurantId, long reservationId, long version) {
        this(restaurantId, reservationId, version, null);
    }

    /**
     * @param connectionId  the connection of the POS that reported the change
     * @param versionBefore the reservation's version before it; -1 when the change created it
     */
    public record ReportedByPos(long connectionId, long versionBefore) {}
}
