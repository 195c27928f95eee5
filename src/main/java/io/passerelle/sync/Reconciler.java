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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles connections over a window: queues every reservation in it whose current version the POS has not
 * acknowledged. Two ways, one rule ({@link OutboxWriter#reconcile}):
 * <ul>
 *   <li>{@link #run}: one connection, every reservation of its window counted and reported as it goes (a manual
 *   sync, the single reconcile); the caller holds the connection's lease ({@link #tryLease}), renewed per page;</li>
 *   <li>{@link #runPage}: the scheduled windows, a page of connections at a time. One query finds, for the whole
 *   page, the reservations a POS lacks; a quiet connection costs nothing more and writes no run line, so a window's
 *   cost grows with what changed, not with the estate.</li>
 * </ul>
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
    private final RelayKicker relay;
    private final SyncSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    Reconciler(OutboxStore store, OutboxWriter writer, ReservationSnapshots snapshots, RestaurantService restaurants,
            WindowCalculator windows, SyncLogService syncLog, RelayKicker relay, SyncSettings settings, Clock clock,
            ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
        this.store = store;
        this.writer = writer;
        this.snapshots = snapshots;
        this.restaurants = restaurants;
        this.windows = windows;
        this.syncLog = syncLog;
        this.relay = relay;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    boolean tryLease(long connectionId, String holder) {
        return !leases(List.of(connectionId), holder).isEmpty();
    }

    void releaseLease(long connectionId, String holder) {
        store.releaseLeases(List.of(connectionId), holder);
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
            relay.kick();
            store.renewLeases(List.of(connection.connectionId()), holder, leaseEnd());
        } while (!tally.stopped && page.size() == settings.reconcileBatchSize());
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        RunSummary summary = tally.summary(total, duration);
        LogRecord line = runLine(connection, trigger, summary);
        if (tally.stopped) {
            line.error("CANCELLED", "Cancelled after " + tally.done + " of " + total + " reservations");
        }
        syncLog.record(line);
        events.publishEvent(new SyncRunsCompleted(List.of(completed(connection, summary))));
        progress.progress(tally.done, total);
        return summary;
    }

    private void queuePage(PushConnection connection, RestaurantRef restaurant, List<ReservationVersion> page,
            Tally tally, int total, SyncProgress progress, BooleanSupplier cancelled) {
        long connectionId = connection.connectionId();
        Map<Long, DeliveryState> states = store.deliveryStates(connectionId,
                page.stream().map(ReservationVersion::id).toList());
        var considered = new ArrayList<ReservationVersion>();
        var lacking = new ArrayList<ReservationKey>();
        for (ReservationVersion reservation : page) {
            if (cancelled.getAsBoolean()) {
                tally.stopped = true;
                break;
            }
            considered.add(reservation);
            DeliveryState state = states.getOrDefault(reservation.id(), DeliveryState.NOTHING);
            if (!state.missedDelivered() && state.ackedVersion() < reservation.version()) {
                lacking.add(new ReservationKey(connectionId, reservation.id()));
            }
        }
        Map<ReservationKey, EnqueueResult> queued = lacking.isEmpty() ? Map.of()
                : writer.reconcile(lacking, Map.of(connectionId, connection), Map.of(restaurant.id(), restaurant));
        for (ReservationVersion reservation : considered) {
            tally.count(queued.getOrDefault(new ReservationKey(connectionId, reservation.id()),
                    EnqueueResult.UNCHANGED));
            tally.afterId = reservation.id();
            if (tally.done % PROGRESS_EVERY == 0) {
                progress.progress(Math.min(tally.done, total), total);
            }
        }
    }

    /**
     * A window over a page of connections: those another node is reconciling are skipped (their lease); of the
     * others, only those whose POS lacks something are read any further, queued a page of reservations per
     * transaction, and get a run line. Every one of them is reported as a run ({@link SyncRunsCompleted}), the quiet
     * ones as in sync.
     */
    void runPage(List<PushConnection> page, SyncWindow window, String trigger, String holder) {
        long started = System.nanoTime();
        Set<Long> leased = leases(page.stream().map(PushConnection::connectionId).toList(), holder);
        try {
            List<PushConnection> held = page.stream().filter(c -> leased.contains(c.connectionId())).toList();
            Map<Long, RestaurantRef> restaurantsById = restaurants.getForMachine(held.stream()
                    .map(PushConnection::restaurantId).collect(Collectors.toSet()));
            Map<Long, PushConnection> connections = held.stream()
                    .filter(connection -> restaurantsById.containsKey(connection.restaurantId()))
                    .collect(Collectors.toMap(PushConnection::connectionId, connection -> connection));
            // the window's days are the restaurant's: one query per time zone of the page (usually one)
            Map<WindowRange, List<Long>> byRange = connections.values().stream().collect(Collectors.groupingBy(
                    connection -> windows.range(window, restaurantsById.get(connection.restaurantId()).timeZone()),
                    Collectors.mapping(PushConnection::connectionId, Collectors.toList())));
            var tallies = new HashMap<Long, Tally>();
            var totals = new HashMap<Long, Integer>();
            byRange.forEach((range, connectionIds) -> {
                List<ReservationKey> lacking = store.unacknowledged(connectionIds, range.from(), range.to());
                for (int from = 0; from < lacking.size(); from += settings.reconcileBatchSize()) {
                    List<ReservationKey> chunk = lacking.subList(from,
                            Math.min(from + settings.reconcileBatchSize(), lacking.size()));
                    Map<ReservationKey, EnqueueResult> queued = transactions.execute(status ->
                            writer.reconcile(chunk, connections, restaurantsById));
                    queued.forEach((key, result) ->
                            tallies.computeIfAbsent(key.connectionId(), id -> new Tally()).count(result));
                    relay.kick();
                    store.renewLeases(leased, holder, leaseEnd());
                }
                totals.putAll(store.countStartingBetween(tallies.keySet().stream()
                        .filter(connectionIds::contains).toList(), range.from(), range.to()));
            });
            Duration duration = Duration.ofNanos(System.nanoTime() - started);
            var lines = new ArrayList<LogRecord>();
            var runs = new ArrayList<SyncRunCompleted>();
            for (PushConnection connection : connections.values()) {
                Tally tally = tallies.get(connection.connectionId());
                if (tally == null) {
                    runs.add(new SyncRunCompleted(connection.restaurantId(), connection.connectionId(),
                            clock.instant(), true));
                    continue;
                }
                int total = totals.getOrDefault(connection.connectionId(), tally.done);
                // what the query did not return, the POS had
                tally.counts.merge(EnqueueResult.UNCHANGED, total - tally.done, Integer::sum);
                RunSummary summary = tally.summary(total, duration);
                lines.add(runLine(connection, trigger, summary));
                runs.add(completed(connection, summary));
            }
            syncLog.recordAll(lines);
            events.publishEvent(new SyncRunsCompleted(runs));
        } finally {
            store.releaseLeases(leased, holder);
        }
    }

    /** Of these connections, those this holder now holds; one transaction for them all. */
    private Set<Long> leases(List<Long> connectionIds, String holder) {
        Instant now = clock.instant();
        return transactions.execute(status -> store.acquireLeases(connectionIds, holder, now,
                now.plus(settings.reconcileLease())));
    }

    private Instant leaseEnd() {
        return clock.instant().plus(settings.reconcileLease());
    }

    private static LogRecord runLine(PushConnection connection, String trigger, RunSummary summary) {
        return LogRecord.run(connection.restaurantId(), trigger, new LogRecord.RunCounts(summary.sent(),
                        summary.unchanged(), summary.missed(), summary.failed()), summary.duration().toMillis())
                .connection(connection.connectionId(), connection.partnerCode());
    }

    private SyncRunCompleted completed(PushConnection connection, RunSummary summary) {
        boolean inSync = !summary.cancelled() && summary.sent() + summary.missed() + summary.failed() == 0;
        return new SyncRunCompleted(connection.restaurantId(), connection.connectionId(), clock.instant(), inSync);
    }

    /** Where a run stands, page after page. */
    private static final class Tally {
        final Map<EnqueueResult, Integer> counts = new EnumMap<>(EnqueueResult.class);
        int done;
        long afterId;
        boolean stopped;

        void count(EnqueueResult result) {
            counts.merge(result, 1, Integer::sum);
            done++;
        }

        RunSummary summary(int total, Duration duration) {
            return new RunSummary(total, counted(EnqueueResult.SENT), counted(EnqueueResult.UNCHANGED),
                    counted(EnqueueResult.MISSED), counted(EnqueueResult.FAILED), stopped, duration);
        }

        private int counted(EnqueueResult result) {
            return counts.getOrDefault(result, 0);
        }
    }
}
