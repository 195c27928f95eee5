package io.passerelle.sync;

/**
 * What a message to a push-style POS is: a webhook, as PROTOCOL.md names it, or a call to the POS's pay-at-table
 * server (named here for the sync log; those are not webhook types).
 */
public enum MessageType {
    UPSERTED("reservation.upserted"),
    /** No-show, refused or cancelled: sent once, then never anything again for that reservation. */
    MISSED("reservation.missed"),
    /** Fetch a table's open bill ({@code GET .../tables/{table}/bill}), after the POS said items were sent. */
    BILL_FETCH("bill.fetch"),
    /** Settle in the POS a bill paid through pay at table ({@code POST .../bills/{billId}/payments}). */
    BILL_PAYMENT("bill.payment");

    private final String wireName;

    MessageType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** A call to the pay-at-table server, about a bill; the others are webhooks about a reservation. */
    public boolean isPayAtTable() {
        return this == BILL_FETCH || this == BILL_PAYMENT;
    }

    static MessageType ofWireName(String wireName) {
        for (MessageType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown message type " + wireName);
    }
}
