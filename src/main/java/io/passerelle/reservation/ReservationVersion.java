package io.passerelle.reservation;

/** Which version a reservation is at, and its status: enough to decide whether a POS must hear of it. */
public record ReservationVersion(long id, long version, ReservationStatus status) {}
