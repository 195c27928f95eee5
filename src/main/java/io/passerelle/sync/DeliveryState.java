package io.passerelle.sync;

import java.time.Instant;

/** What one POS acknowledged of one reservation. */
record DeliveryState(long ackedVersion, Instant missedDeliveredAt) {

    /** Never acknowledged anything: versions start at 0. */
    static final DeliveryState NOTHING = new DeliveryState(-1, null);

    boolean missedDelivered() {
        return missedDeliveredAt != null;
    }
}
