package io.passerelle.sync;

import io.passerelle.MovableClock;
import io.passerelle.connection.ConnectionService;
import io.passerelle.partner.PartnerCatalogue;
import io.passerelle.partner.PartnerSettings;
import io.passerelle.synclog.SyncLogService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Another relay node in the test's JVM, on the application's own beans (store, connections, partner adapters, sync
 * log, breakers) and database, with settings of its own and a {@link MovableClock} an hour ahead. While it exists the
 * application's relay is paused, and what a test queues through {@link #queue} is due on this node's clock only (not yet
 * on the real one): the test decides when, and in which batches, it is delivered. What the node announces after recording a
 * batch is kept in {@link #published}, then published to the application as usual (connection health listens).
 */
final class RelayNode implements AutoCloseable {

    /** JDBC's calls that write, as a thread's stack shows them while the database keeps it waiting. */
    static final Set<String> WRITES = Set.of("executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch");
    /** JDBC's calls that write or read. */
    static final Set<String> STATEMENTS = Set.of("executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch",
            "executeLargeBatch");

    /** How far ahead of the real clock this node's starts. */
    static final Duration AHEAD = Duration.ofHours(1);

    final MovableClock clock = new MovableClock(Instant.now().plus(AHEAD).truncatedTo(ChronoUnit.MILLIS));
    final String name = "test-node-" + System.nanoTime();
    final SyncSettings settings;
    /** Longest a call may take: connect and read timeouts. */
    final Duration callBudget;
    final List<Object> published = new CopyOnWriteArrayList<>();
    private final OutboxRelay relay;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private final CountDownLatch resumeApplicationRelay = new CountDownLatch(1);

    /**
     * @param relayBatchSize  messages claimed at once
     * @param deliveryThreads calls in parallel; one makes the calls of a batch go in its order, one after the other
     */
    RelayNode(ApplicationContext context, int relayBatchSize, int deliveryThreads) {
        SyncSettings app = context.getBean(SyncSettings.class);
        this.settings = settings(app, relayBatchSize, deliveryThreads, app.claimLease(), name);
        this.callBudget = SyncConfiguration.callBudget(settings, context.getBean(PartnerSettings.class));
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        this.relay = new OutboxRelay(context.getBean(OutboxStore.class), context.getBean(ConnectionService.class),
                context.getBean(PartnerCatalogue.class), context.getBean(SyncLogService.class),
                context.getBean(PayAtTableCalls.class), context.getBean(ConnectionBreakers.class), settings,
                transactions, clock, name, event -> {
                    published.add(event);
                    context.publishEvent(event);
                }, callBudget);
        pauseApplicationRelay(context.getBean("syncRelayScheduler", ThreadPoolTaskScheduler.class));
    }

    /**
     * The application's relay runs on its scheduler's one thread (polls and kicks alike): a task holding that thread
     * pauses it until {@link #close}, so this node is the only relay at work. Running beside it, the application's
     * relay's claims, scanning the outbox with FOR UPDATE, made this node's SKIP LOCKED pass over a message now and then.
     */
    private void pauseApplicationRelay(ThreadPoolTaskScheduler scheduler) {
        var paused = new CountDownLatch(1);
        scheduler.execute(() -> {
            paused.countDown();
            try {
                resumeApplicationRelay.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            if (!paused.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The application's relay did not pause within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The application's settings but for these. */
    static SyncSettings settings(SyncSettings app, int relayBatchSize, int deliveryThreads, Duration claimLease,
            String nodeName) {
        return new SyncSettings(app.pollInterval(), relayBatchSize, deliveryThreads, claimLease, app.backoffBase(),
                app.backoffCap(), app.maxAttempts(), app.minimumRetrySpan(), app.breakerFailureRate(),
                app.breakerWindow(), app.breakerOpenFor(), app.windowBatchSize(), app.reconcileBatchSize(),
                app.reconcileLease(), app.manualSyncThreads(), app.shortWindowCron(), app.longWindowCron(), nodeName);
    }

    /** The application's settings but for this claim lease. */
    static SyncSettings settings(SyncSettings app, Duration claimLease) {
        return settings(app, app.relayBatchSize(), app.deliveryThreads(), claimLease, app.nodeName());
    }

    /**
     * Makes the change, and schedules the messages it queues for this connection at this node's now, in the same
     * transaction: the application's relay never sees them due.
     */
    <T> T queue(long connectionId, Supplier<T> change) {
        return transactions.execute(status -> {
            T changed = change.get();
            jdbc.update("update outbox_message set next_attempt_at = ? where connection_id = ? and status = 'PENDING'"
                    + " and claimed_by is null", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), connectionId);
            return changed;
        });
    }

    /** Delivers what is due on this node's clock, batch after batch, and returns once all of it is recorded. */
    void runDue() {
        relay.runDue();
    }

    /** {@link #runDue()} on another thread, for a test that acts while the node delivers. */
    Future<?> runDueInBackground() {
        return runner.submit(relay::runDue);
    }

    /** The DeliveriesAttempted events this node published. */
    List<DeliveriesAttempted> announced() {
        return published.stream().filter(DeliveriesAttempted.class::isInstance).map(DeliveriesAttempted.class::cast)
                .toList();
    }

    /**
     * Whether a relay's recorder (this node's: the application's relay is paused) is inside a statement of a batch's
     * recording ({@link OutboxStore#apply}): while a test holds a row it needs, it waits there.
     */
    static boolean recorderWaitingOnTheDatabase() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getName().startsWith("sync-record"))
                .map(thread -> List.of(thread.getValue()))
                .anyMatch(frames -> frames.stream().anyMatch(frame -> STATEMENTS.contains(frame.getMethodName()))
                        && frames.stream().anyMatch(frame -> frame.getClassName().equals(OutboxStore.class.getName())
                                && frame.getMethodName().equals("apply")));
    }

    @Override
    public void close() {
        runner.shutdownNow();
        relay.close();
        resumeApplicationRelay.countDown();
    }
}
