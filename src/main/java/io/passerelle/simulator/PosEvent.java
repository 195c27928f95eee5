package io.passerelle.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.List;

/** What the till reports to Passerelle ({@code POST /events}), in the shapes of PROTOCOL.md. */
sealed interface PosEvent {

    String eventId();

    /** The protocol's {@code type}; serialised first. */
    @JsonProperty("type")
    String type();

    /** A reservation attached to an order: how a pull-style till seats a reservation. */
    @JsonPropertyOrder({"type", "eventId", "occurredAt"})
    record ReservationAttached(
            String eventId, OffsetDateTime occurredAt, String reservationId, String orderId, String table)
            implements PosEvent {
        @Override
        public String type() {
            return "reservation.attached";
        }
    }

    /**
     * An order opened on a table: how a push-style till seats a reservation (with its reservationId), or a walk-in
     * (without one).
     */
    @JsonPropertyOrder({"type", "eventId", "occurredAt"})
    record OrderOpened(
            String eventId, OffsetDateTime occurredAt, String orderId, String table, String reservationId, int covers)
            implements PosEvent {
        @Override
        public String type() {
            return "order.opened";
        }
    }

    /** Items of an order were sent to the kitchen (push style): with pay at table, Passerelle fetches the bill. */
    @JsonPropertyOrder({"type", "eventId", "occurredAt"})
    record ItemsSent(String eventId, OffsetDateTime occurredAt, String orderId, String table, String reservationId)
            implements PosEvent {
        @Override
        public String type() {
            return "order.items_sent";
        }
    }

    /** The bill closed at the till. */
    @JsonPropertyOrder({"type", "eventId", "occurredAt"})
    record OrderClosed(
            String eventId, OffsetDateTime occurredAt, String orderId, String reservationId, int covers, Money total,
            List<OrderItem> items)
            implements PosEvent {
        @Override
        public String type() {
            return "order.closed";
        }
    }

    /** The bill settled through pay at table. */
    @JsonPropertyOrder({"type", "eventId", "occurredAt"})
    record OrderPaidAtTable(
            String eventId, OffsetDateTime occurredAt, String orderId, String reservationId, int covers, Money total,
            List<OrderItem> items, String paymentId)
            implements PosEvent {
        @Override
        public String type() {
            return "order.paid_at_table";
        }
    }
}
