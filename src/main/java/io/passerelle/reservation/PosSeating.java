package io.passerelle.reservation;

import java.time.Instant;

/**
 * The POS seated guests: an order opened, with or without a reservation ({@code reservation.attached},
 * {@code order.opened}). Checked by the partner API before it gets here.
 *
 * @param reservationId null for an order opened without a reservation
 * @param table         the POS's table name; null only when attaching without one
 * @param covers        null when the POS did not say
 */
public record PosSeating(Long reservationId, String orderId, String table, String room, Integer covers,
        Instant occurredAt) {}
