package io.passerelle.simulator;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An order as the till shows it, open or settled. The till numbers a bill after its order, so
 * {@code billId} and {@code orderId} are the same value; pay at table speaks of bills, events of orders.
 *
 * @param status OPEN, CLOSED (closed at the till) or PAID (settled through pay at table)
 */
record Bill(
        String billId,
        String orderId,
        String table,
        int covers,
        String reservationId,
        OffsetDateTime openedAt,
        List<OrderItem> items,
        Money total,
        Money paid,
        Money due,
        String status) {}
