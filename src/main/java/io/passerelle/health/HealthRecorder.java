package io.passerelle.health;

import io.passerelle.sync.DeliveryAttempted;
import io.passerelle.sync.SyncRunCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps each connection's health and hourly figures from the sync engine's events, and tells open screens
 * of a fresh sync. Runs on the delivery thread, after the delivery is recorded: a failure here is logged,
 * never thrown back into the relay.
 */
@Component
class HealthRecorder {

    private static final Logger log = LoggerFactory.getLogger(HealthRecorder.class);

    private final HealthStore store;
    private final LiveUpdates updates;

    HealthRecorder(HealthStore store, LiveUpdates updates) {
        this.store = store;
        this.updates = updates;
    }

    @EventListener
    void on(DeliveryAttempted attempt) {
        try {
            store.recordDelivery(attempt);
            if (attempt.outcome() == DeliveryAttempted.Outcome.DELIVERED) {
                announceSync(attempt.restaurantId());
            }
        } catch (RuntimeException e) {
            log.error("Recording the health of connection {} failed", attempt.connectionId(), e);
        }
    }

    @EventListener
    void on(SyncRunCompleted run) {
        if (!run.inSync()) {
            return;
        }
        try {
            store.recordInSync(run.restaurantId(), run.connectionId(), run.at());
            announceSync(run.restaurantId());
        } catch (RuntimeException e) {
            log.error("Recording the health of connection {} failed", run.connectionId(), e);
        }
    }

    private void announceSync(long restaurantId) {
        store.lastSuccessfulSync(restaurantId).ifPresent(at -> updates.restaurantSynced().publish(restaurantId, at));
    }
}
