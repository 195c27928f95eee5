package io.passerelle.sync;

import io.passerelle.connection.PushConnection;
import io.passerelle.reservation.ReservationSnapshots;
import io.passerelle.reservation.ReservationVersion;
import io.passerelle.restaurant.RestaurantRef;
import io.passerelle.restaurant.RestaurantService;
import io.passerelle.synclog.LogRecord;
import io.passerelle.synclog.SyncLogService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles one connection over one window: queues every reservation in it whose current version the POS
 * has not acknowledged. Reads only ids, versions and delivery states first, so a quiet restaurant costs a
 * couple of queries. The caller holds the connection's lease ({@link #tryLease}); it is renewed per page.
 */
@Component
class Reconciler {

    private static final int PROGRESS_EVERY = 25;

    private final OutboxStore store;
    private final OutboxWriter writer;
    private final ReservationSnapshots snapshots;
    private final RestaurantService restaurants;
    private final WindowCalculator windows;
    private final SyncLogService syncLog;
    private final SyncSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    Reconciler(OutboxStore store, OutboxWriter writer, ReservationSnapshots snapshots, RestaurantService restaurants,
            WindowCalculator windows, SyncLogService syncLog, SyncSettings settings, Clock clock,
            ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.writer = writer;
        this.snapshots = snapshots;
        this.restaurants = restaurants;
        this.windows = windows;
        this.syncLog = syncLog;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    boolean tryLease(long connectionId, String holder) {
        Instant now = clock.instant();
        return store.acquireLease(connectionId, holder, now, now.plus(settings.reconcileLease()));
    }

    void releaseLease(long connectionId, String holder) {
        store.releaseLease(connectionId, holder);
    }

    RunSummary run(PushConnection connection, SyncWindow window, String trigger, String holder, SyncProgress progress,
            BooleanSupplier cancelled) {
        long started = System.nanoTime();
        RestaurantRef restaurant = restaurants.getForMachine(connection.restaurantId());
        WindowRange range = windows.range(window, restaurant.timeZone());
        int total = (int) snapshots.countStartingBetween(restaurant.id(), range.from(), range.to());
        var tally = new Tally();
        progress.progress(0, total);
        List<ReservationVersion> page;
        do {
            page = snapshots.versionsStartingBetween(restaurant.id(), range.from(), range.to(), tally.afterId,
                    settings.reconcileBatchSize());
            List<ReservationVersion> reservations = page;
            // One transaction per page, not per reservation: a first sync queues thousands of messages, and each
            // commit is a disk flush (the benchmark's full window spent nearly all its time committing).
            transactions.executeWithoutResult(status -> queuePage(connection, restaurant, reservations, tally, total,
                    progress, cancelled));
            store.renewLease(connection.connectionId(), holder, clock.instant().plus(settings.reconcileLease()));
        } while (!tally.stopped && page.size() == settings.reconcileBatchSize());
        Map<EnqueueResult, Integer> counts = tally.counts;
        int done = tally.done;
        boolean stopped = tally.stopped;
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        var summary = new RunSummary(total, count(counts, EnqueueResult.SENT), count(counts, EnqueueResult.UNCHANGED),
                count(counts, EnqueueResult.MISSED), count(counts, EnqueueResult.FAILED), stopped, duration);
        LogRecord line = LogRecord.run(restaurant.id(), trigger, new LogRecord.RunCounts(summary.sent(),
                summary.unchanged(), summary.missed(), summary.failed()), duration.toMillis())
                .connection(connection.connectionId(), connection.partnerCode());
        if (stopped) {
            line.error("CANCELLED", "Cancelled after " + done + " of " + total + " reservations");
        }
        syncLog.record(line);
        boolean inSync = !stopped && summary.sent() + summary.missed() + summary.failed() == 0;
        events.publishEvent(new SyncRunCompleted(restaurant.id(), connection.connectionId(), clock.instant(), inSync));
        progress.progress(done, total);
        return summary;
    }

    private void queuePage(PushConnection connection, RestaurantRef restaurant, List<ReservationVersion> page,
            Tally tally, int total, SyncProgress progress, BooleanSupplier cancelled) {
        Map<Long, DeliveryState> states = store.deliveryStates(connection.connectionId(),
                page.stream().map(ReservationVersion::id).toList());
        for (ReservationVersion reservation : page) {
            if (cancelled.getAsBoolean()) {
                tally.stopped = true;
                return;
            }
            DeliveryState state = states.getOrDefault(reservation.id(), DeliveryState.NOTHING);
            EnqueueResult result = state.missedDelivered() || state.ackedVersion() >= reservation.version()
                    ? EnqueueResult.UNCHANGED
                    : writer.reconcile(connection, restaurant, reservation.id());
            tally.counts.merge(result, 1, Integer::sum);
            tally.afterId = reservation.id();
            if (++tally.done % PROGRESS_EVERY == 0) {
                progress.progress(Math.min(tally.done, total), total);
            }
        }
    }

    /** Where a run stands, page after page. */
    private static final class Tally {
        final Map<EnqueueResult, Integer> counts = new EnumMap<>(EnqueueResult.class);
        int done;
        long afterId;
        boolean stopped;
    }

    private static int count(Map<EnqueueResult, Integer> counts, EnqueueResult result) {
        return counts.getOrDefault(result, 0);
    }
}
