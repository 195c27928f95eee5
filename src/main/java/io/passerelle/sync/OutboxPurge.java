package io.passerelle.sync;

import io.passerelle.shared.database.BatchedDelete;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Deletes the outbox's settled reservation messages past their retention ({@link OutboxPurgeSettings}). */
@Component
public class OutboxPurge {

    private static final Logger log = LoggerFactory.getLogger(OutboxPurge.class);

    private final OutboxStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final OutboxPurgeSettings settings;

    OutboxPurge(OutboxStore store, TransactionTemplate transactions, Clock clock, OutboxPurgeSettings settings) {
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    /** In bounded batches (the relay writes to the same table meanwhile); how many went. */
    public long purgeSettled() {
        Instant before = clock.instant().minus(settings.retention());
        long purged = BatchedDelete.untilShort(transactions, settings.batchSize(),
                () -> store.deleteSettled(before, settings.batchSize()));
        if (purged > 0) {
            log.info("Purged {} settled outbox messages last due before {}", purged, before);
        }
        return purged;
    }
}
