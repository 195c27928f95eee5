package io.passerelle.reservation;

/**
 * A reservation was created or changed; {@code version} is its version after the change, the one
 * the POS acknowledges. Published inside the changing transaction.
 */
public record ReservationChanged(long restaurantId, long reservationId, long version) {}
