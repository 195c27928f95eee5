package io.passerelle.partner;

import java.util.Arrays;
import java.util.Optional;

/** The events a POS may report to Passerelle (PROTOCOL.md, {@code POST /events}), with their wire names. */
public enum PartnerEventType {
    RESERVATION_ATTACHED("reservation.attached"),
    ORDER_OPENED("order.opened"),
    /** Items were sent to the kitchen: with pay at table, Passerelle fetches the table's bill from the POS. */
    ORDER_ITEMS_SENT("order.items_sent"),
    ORDER_CLOSED("order.closed"),
    ORDER_PAID_AT_TABLE("order.paid_at_table");

    private final String wireName;

    PartnerEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public String messageKey() {
        return "partner.event." + wireName;
    }

    public static Optional<PartnerEventType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }
}
