package io.passerelle.reservation;

/**
 * Staff un-parked a missed reservation: whoever remembers having told a POS it was missed must forget it, so that
 * it travels again as a normal reservation. Published inside the changing transaction, before the
 * {@link ReservationChanged} of the same change.
 */
public record MissedOverridden(long restaurantId, long reservationId) {}
