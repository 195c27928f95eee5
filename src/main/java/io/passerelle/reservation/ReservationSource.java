package io.passerelle.reservation;

/** How a reservation came about: booked ahead, or a walk-in the POS reported when it opened a table. */
public enum ReservationSource {
    BOOKING,
    WALK_IN
}
