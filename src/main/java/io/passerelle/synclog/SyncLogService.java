package io.passerelle.synclog;

import io.passerelle.restaurant.RestaurantAccess;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

@Service
public class SyncLogService {

    private static final Logger log = LoggerFactory.getLogger(SyncLogService.class);
    private static final int MAX_PAGE = 500;

    private final SyncLogRepository entries;
    private final RestaurantAccess access;
    private final SyncLogSettings settings;
    private final Clock clock;
    private final TransactionTemplate transaction;

    SyncLogService(SyncLogRepository entries, RestaurantAccess access, SyncLogSettings settings, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.entries = entries;
        this.access = access;
        this.settings = settings;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Writes a line in its own transaction: a rejected event rolls its own work back, but the record
     * that it was rejected must stay. Called by machine code (partner API, sync engine): no user check.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long record(LogRecord record) {
        return entries.save(new SyncLogEntry(record, clock.instant())).getId();
    }

    /** Newest first, keyset-paged: pass the smallest id of the previous page, or null for the first. */
    @Transactional(readOnly = true)
    public List<SyncLogEntry> latest(long restaurantId, Long beforeId, int limit) {
        access.check(restaurantId);
        return entries.findByRestaurantIdAndIdLessThanOrderByIdDesc(restaurantId,
                beforeId == null ? Long.MAX_VALUE : beforeId, Limit.of(Math.min(limit, MAX_PAGE)));
    }

    /** Every line about one reservation, oldest first: its whole trace. */
    @Transactional(readOnly = true)
    public List<SyncLogEntry> trace(long restaurantId, long reservationId) {
        access.check(restaurantId);
        return entries.findByRestaurantIdAndReservationIdOrderByIdAsc(restaurantId, reservationId);
    }

    /** Deletes lines older than the retention, in bounded batches; returns how many went. */
    public long purgeExpired() {
        Instant before = clock.instant().minus(settings.retention());
        long purged = 0;
        int batch;
        do {
            // one short transaction per batch
            batch = transaction.execute(status -> entries.deleteBatchOlderThan(before, settings.purgeBatchSize()));
            purged += batch;
        } while (batch == settings.purgeBatchSize());
        if (purged > 0) {
            log.info("Purged {} sync log lines older than {}", purged, before);
        }
        return purged;
    }
}
