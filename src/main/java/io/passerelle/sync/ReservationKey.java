package io.passerelle.sync;

/** One reservation as one connection's POS knows it: the unit of ordering and of acknowledgement. */
record ReservationKey(long connectionId, long reservationId) {

    /** As a row value for {@code (connection_id, reservation_id) in (...)}. */
    Object[] row() {
        return new Object[] {connectionId, reservationId};
    }
}
