package io.passerelle.sync;

/** What a message to a push-style POS says, as PROTOCOL.md names it. */
public enum MessageType {
    UPSERTED("reservation.upserted"),
    /** No-show, refused or cancelled: sent once, then never anything again for that reservation. */
    MISSED("reservation.missed");

    private final String wireName;

    MessageType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
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
