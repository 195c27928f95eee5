package io.passerelle.health;

import io.passerelle.sync.DeliveriesAttempted;
import io.passerelle.sync.DeliveryAttempted;
import io.passerelle.sync.SyncRunCompleted;
import io.passerelle.sync.SyncRunsCompleted;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;

/**
 * Keeps each connection's health and hourly figures from the sync engine's events, and tells open screens
 * of a fresh sync, a batch of deliveries or a page of window runs at a time. Runs on the relay's (or the window's)
 * thread, after what it reports is recorded: a failure here is logged,
 * never thrown back into the relay.
 */
@Component
class HealthRecorder {

    private static final Logger log = LoggerFactory.getLogger(HealthRecorder.class);

    private final HealthStore store;
    private final LiveUpdates updates;
    /** Two nodes' batches, or a window and a batch, may deadlock on the same health rows: the loser writes again. */
    private final RetryTemplate onConflict = new RetryTemplate(RetryPolicy.builder().maxRetries(2)
            .delay(Duration.ofMillis(50)).jitter(Duration.ofMillis(25))
            .includes(ConcurrencyFailureException.class).build());

    HealthRecorder(HealthStore store, LiveUpdates updates) {
        this.store = store;
        this.updates = updates;
    }

    @EventListener
    void on(DeliveriesAttempted batch) {
        try {
            onConflict.invoke(() -> store.recordDeliveries(batch.attempts()));
            announceSync(batch.attempts().stream()
                    .filter(attempt -> attempt.outcome() == DeliveryAttempted.Outcome.DELIVERED)
                    .map(DeliveryAttempted::restaurantId));
        } catch (RuntimeException e) {
            log.error("Recording the health of {} delivery attempts failed", batch.attempts().size(), e);
        }
    }

    @EventListener
    void on(SyncRunsCompleted completed) {
        List<SyncRunCompleted> inSync = completed.runs().stream().filter(SyncRunCompleted::inSync).toList();
        if (inSync.isEmpty()) {
            return;
        }
        try {
            onConflict.invoke(() -> store.recordInSync(inSync));
            announceSync(inSync.stream().map(SyncRunCompleted::restaurantId));
        } catch (RuntimeException e) {
            log.error("Recording the health of {} connections in sync failed", inSync.size(), e);
        }
    }

    /** Only restaurants an open screen listens to cost a query. */
    private void announceSync(Stream<Long> restaurantIds) {
        restaurantIds.distinct().filter(updates.restaurantSynced()::isListened).forEach(this::announceSync);
    }

    private void announceSync(long restaurantId) {
        store.lastSuccessfulSync(restaurantId).ifPresent(at -> updates.restaurantSynced().publish(restaurantId, at));
    }
}
