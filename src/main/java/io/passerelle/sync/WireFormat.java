package io.passerelle.sync;

import io.passerelle.partner.WireIds;
import io.passerelle.reservation.ReservationSnapshot;
import io.passerelle.reservation.ReservationStatus;
import io.passerelle.restaurant.RestaurantRef;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of a push message, PROTOCOL.md's shape: {@code {"type", "restaurantId", "reservation": {...}}},
 * times with the restaurant's offset. The bytes are built once, when the message is queued, and travel
 * unchanged on every retry.
 */
@Component
class WireFormat {

    private final JsonMapper json;

    WireFormat(JsonMapper json) {
        this.json = json;
    }

    /** @param table the POS's name of the reservation's table; null: not sent */
    String body(MessageType type, RestaurantRef restaurant, ReservationSnapshot reservation, String table) {
        ZoneId zone = restaurant.timeZone();
        ObjectNode message = json.createObjectNode();
        message.put("type", type.wireName());
        message.put("restaurantId", restaurant.publicId());
        ObjectNode body = message.putObject("reservation");
        body.put("id", WireIds.reservation(reservation.id()));
        body.put("version", reservation.version());
        body.put("status", wireStatus(reservation.status()));
        body.put("start", time(reservation.start(), zone));
        body.put("partySize", reservation.partySize());
        if (reservation.notes() != null) {
            body.put("notes", reservation.notes());
        }
        if (table != null) {
            body.put("table", table);
        }
        if (reservation.guest() != null) {
            var guest = reservation.guest();
            ObjectNode guestNode = body.putObject("guest");
            guestNode.put("id", WireIds.guest(guest.id()));
            guestNode.put("firstName", guest.firstName());
            guestNode.put("lastName", guest.lastName());
            guestNode.put("mobile", guest.mobile());
            guestNode.put("email", guest.email());
        }
        body.put("updatedAt", time(reservation.updatedAt(), zone));
        return json.writeValueAsString(message);
    }

    static MessageType typeOf(ReservationStatus status) {
        return status.isMissed() ? MessageType.MISSED : MessageType.UPSERTED;
    }

    private static String wireStatus(ReservationStatus status) {
        return status.isMissed() ? "MISSED" : status.name();
    }

    private static String time(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).toOffsetDateTime());
    }
}
