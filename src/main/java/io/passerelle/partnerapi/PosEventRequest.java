package io.passerelle.partnerapi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.passerelle.reservation.DiningTable;
import io.passerelle.reservation.PosOrder;
import io.passerelle.reservation.PosOrderItem;
import io.passerelle.reservation.Reservation;
import io.passerelle.reservation.Room;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The events of PROTOCOL.md as a POS sends them (without {@code type}, which picks the record). Unknown fields are
 * refused ({@link StrictJson}); the constraints name the limits a POS gets told about in the 400.
 */
sealed interface PosEventRequest {

    int EVENT_ID_MAX_LENGTH = 100;
    int MAX_ITEMS = 500;
    /** Money: "12.50", never negative, at most two decimals. */
    String AMOUNT_PATTERN = "(0|[1-9][0-9]{0,5})(\\.[0-9]{1,2})?";

    /** The wire names, in PROTOCOL.md's order. */
    Map<String, Class<? extends PosEventRequest>> TYPES = Map.of(
            "reservation.attached", Attached.class,
            "order.opened", Opened.class,
            "order.items_sent", ItemsSent.class,
            "order.closed", Closed.class,
            "order.paid_at_table", PaidAtTable.class);

    String eventId();

    /** ISO-8601 with offset ({@code 2026-11-23T20:30:00+01:00}); checked by {@link #occurredInstant()}. */
    String occurredAt();

    /** The time, or empty unless it is ISO-8601 with an offset. */
    default Optional<Instant> occurredInstant() {
        try {
            return Optional.of(OffsetDateTime.parse(occurredAt(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException | NullPointerException notATime) {
            return Optional.empty();
        }
    }

    String orderId();

    /** An event that changes the reservation book (seated, walk-in, finished). */
    sealed interface BookEvent extends PosEventRequest {}

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Attached(
            @NotBlank @Size(max = EVENT_ID_MAX_LENGTH) String eventId,
            @NotNull String occurredAt,
            @NotBlank String reservationId,
            @NotBlank @Size(max = PosOrder.EXTERNAL_ID_MAX_LENGTH) String orderId,
            @Size(min = 1, max = DiningTable.NAME_MAX_LENGTH) String table,
            @Size(min = 1, max = Room.NAME_MAX_LENGTH) String room)
            implements BookEvent {}

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Opened(
            @NotBlank @Size(max = EVENT_ID_MAX_LENGTH) String eventId,
            @NotNull String occurredAt,
            @NotBlank @Size(max = PosOrder.EXTERNAL_ID_MAX_LENGTH) String orderId,
            @NotBlank @Size(max = DiningTable.NAME_MAX_LENGTH) String table,
            String reservationId,
            @Min(Reservation.MIN_PARTY_SIZE) @Max(Reservation.MAX_PARTY_SIZE) Integer covers)
            implements BookEvent {}

    /**
     * Items of an order were sent to the kitchen. With pay at table, Passerelle then fetches the table's bill from the
     * POS; the reservation book does not change.
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record ItemsSent(
            @NotBlank @Size(max = EVENT_ID_MAX_LENGTH) String eventId,
            @NotNull String occurredAt,
            @NotBlank @Size(max = PosOrder.EXTERNAL_ID_MAX_LENGTH) String orderId,
            @NotBlank @Size(max = DiningTable.NAME_MAX_LENGTH) String table,
            String reservationId)
            implements PosEventRequest {}

    /** {@code order.closed} and {@code order.paid_at_table} alike. */
    sealed interface Bill extends BookEvent {

        String reservationId();

        Integer covers();

        Money total();

        List<Item> items();

        /** Null for a bill closed at the till. */
        String paymentId();
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Closed(
            @NotBlank @Size(max = EVENT_ID_MAX_LENGTH) String eventId,
            @NotNull String occurredAt,
            @NotBlank @Size(max = PosOrder.EXTERNAL_ID_MAX_LENGTH) String orderId,
            String reservationId,
            @NotNull @Min(Reservation.MIN_PARTY_SIZE) @Max(Reservation.MAX_PARTY_SIZE) Integer covers,
            @NotNull @Valid Money total,
            @NotNull @Size(max = MAX_ITEMS) List<@NotNull @Valid Item> items)
            implements Bill {

        @Override
        public String paymentId() {
            return null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record PaidAtTable(
            @NotBlank @Size(max = EVENT_ID_MAX_LENGTH) String eventId,
            @NotNull String occurredAt,
            @NotBlank @Size(max = PosOrder.EXTERNAL_ID_MAX_LENGTH) String orderId,
            String reservationId,
            @NotNull @Min(Reservation.MIN_PARTY_SIZE) @Max(Reservation.MAX_PARTY_SIZE) Integer covers,
            @NotNull @Valid Money total,
            @NotNull @Size(max = MAX_ITEMS) List<@NotNull @Valid Item> items,
            @NotBlank @Size(max = PosOrder.PAYMENT_ID_MAX_LENGTH) String paymentId)
            implements Bill {}

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Item(
            @NotBlank @Size(max = PosOrderItem.NAME_MAX_LENGTH) String name,
            @NotNull @Min(PosOrderItem.MIN_QUANTITY) @Max(PosOrderItem.MAX_QUANTITY) Integer quantity,
            @NotNull @Valid Money unitPrice) {}

    /** PROTOCOL.md money: a decimal string and a currency code. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    record Money(
            @NotNull @Pattern(regexp = AMOUNT_PATTERN, message = "must be a decimal string such as \"12.50\", "
                    + "at least 0, at most 2 decimals") String amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as \"EUR\"")
            String currency) {}
}
