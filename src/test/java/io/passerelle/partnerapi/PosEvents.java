package io.passerelle.partnerapi;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Event bodies as a POS sends them (PROTOCOL.md), for tests. */
final class PosEvents {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    private PosEvents() {}

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static String time(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(ROME));
    }

    static String attached(String eventId, Instant at, String reservationId, String orderId, String table, String room) {
        return """
                {"type": "reservation.attached", "eventId": "%s", "occurredAt": "%s", "reservationId": "%s",
                 "orderId": "%s"%s%s}""".formatted(eventId, time(at), reservationId, orderId,
                table == null ? "" : ", \"table\": \"" + table + "\"", room == null ? "" : ", \"room\": \"" + room + "\"");
    }

    static String opened(String eventId, Instant at, String orderId, String table, int covers) {
        return """
                {"type": "order.opened", "eventId": "%s", "occurredAt": "%s", "orderId": "%s", "table": "%s",
                 "covers": %d}""".formatted(eventId, time(at), orderId, table, covers);
    }

    /** A bill of two tiramisù at 7.00 and a plate at 72.50: 86.50 EUR. */
    static String closed(String eventId, Instant at, String orderId, String reservationId, int covers) {
        return """
                {"type": "order.closed", "eventId": "%s", "occurredAt": "%s", "orderId": "%s"%s, "covers": %d,
                 "total": {"amount": "86.50", "currency": "EUR"},
                 "items": [{"name": "Tiramisù", "quantity": 2, "unitPrice": {"amount": "7.00", "currency": "EUR"}},
                           {"name": "Fiorentina", "quantity": 1, "unitPrice": {"amount": "72.50", "currency": "EUR"}}]}
                """.formatted(eventId, time(at), orderId,
                reservationId == null ? "" : ", \"reservationId\": \"" + reservationId + "\"", covers);
    }

    static String paidAtTable(String eventId, Instant at, String orderId, String paymentId) {
        return """
                {"type": "order.paid_at_table", "eventId": "%s", "occurredAt": "%s", "orderId": "%s", "covers": 2,
                 "total": {"amount": "44.00", "currency": "EUR"},
                 "items": [{"name": "Steak frites", "quantity": 2, "unitPrice": {"amount": "22.00", "currency": "EUR"}}],
                 "paymentId": "%s"}""".formatted(eventId, time(at), orderId, paymentId);
    }
}
