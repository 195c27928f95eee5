package io.passerelle.reservation;

import java.time.Instant;

/**
 * The POS seated guests: an order opened, with or without a reservation ({@code reservation.attached},
 * {@code order.opened}). Checked by the partner API before it gets here.
 *
 * @param reservationId null for an order opened without a reservation
 * @param table         the POS's table name; null only when attaching without one
 * @param tableId       the dining table that name stands for (table-name reconciliation), or null: kept as text
 * @param covers        null when the POS did not say
 */
public record PosSeating(Long reservationId, String orderId, String table, Long tableId, String room, Integer covers,
        Instant occurredAt) {}
