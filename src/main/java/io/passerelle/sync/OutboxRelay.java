package io.passerelle.sync;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.PushConnection;
import io.passerelle.partner.CallFailure;
import io.passerelle.partner.PartnerCatalogue;
import io.passerelle.partner.PushDeliveryOutcome;
import io.passerelle.partner.PushTarget;
import io.passerelle.sync.OutboxStore.RelayChanges;
import io.passerelle.synclog.LogDirection;
import io.passerelle.synclog.LogOutcome;
import io.passerelle.synclog.LogRecord;
import io.passerelle.synclog.SyncLogService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox: webhooks to push-style POS systems, and calls to their pay-at-table servers. A batch at a
 * time, in three steps, so that its database work costs a few round trips and two commits, whatever its size:
 * <ol>
 *   <li>claims a bounded batch of due messages in a short transaction (rows other nodes hold are skipped, the claim
 *   is one update) and reads what the calls need (connections, targets, delivery states) once for the batch;</li>
 *   <li>calls the POS systems outside any transaction, {@code delivery-threads} at a time;</li>
 *   <li>records every outcome and its sync log line in one transaction, with JDBC batches, while the next batch
 *   goes through the first two steps.</li>
 * </ol>
 * A node that dies mid-way leaves its claims to expire: another node delivers them with the same webhook-id (or
 * payment id), and the POS dedupes. Retries live here only (the HTTP clients never retry): backoff with full jitter,
 * Retry-After honoured, a circuit breaker per connection.
 */
class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Recording a batch meets another transaction's locks at worst rarely: it is tried again a few times. */
    private static final int RECORD_ATTEMPTS = 3;

    private final OutboxStore store;
    private final ConnectionService connections;
    private final PartnerCatalogue catalogue;
    private final SyncLogService syncLog;
    private final PayAtTableCalls payAtTable;
    private final ConnectionBreakers breakers;
    private final SyncSettings settings;
    private final BackoffPolicy backoff;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String node;
    private final ExecutorService calls;
    /** Records a batch while the next one is delivered. */
    private final ExecutorService recorder;
    /** The batch being recorded; only the relay's one scheduler thread touches it. */
    private Future<?> recording = CompletableFuture.completedFuture(null);
    private final ApplicationEventPublisher events;
    /** Longest a call may take: connect and read timeouts. */
    private final Duration callBudget;
    /**
     * Connections whose POS answered 410 Gone: nothing more is sent to them, until no batch claimed before they were
     * disabled is still being called (the batch claimed while one is recorded read the connection as enabled).
     */
    private final Set<Long> goneConnections = ConcurrentHashMap.newKeySet();
    /** Gone connections the recorder has dealt with (disabled, or failed to): forgotten once the batch after is called. */
    private final Set<Long> goneDealtWith = ConcurrentHashMap.newKeySet();

    OutboxRelay(OutboxStore store, ConnectionService connections, PartnerCatalogue catalogue, SyncLogService syncLog,
            PayAtTableCalls payAtTable, ConnectionBreakers breakers, SyncSettings settings,
            TransactionTemplate transactions, Clock clock, String node, ApplicationEventPublisher events,
            Duration callBudget) {
        this.store = store;
        this.connections = connections;
        this.catalogue = catalogue;
        this.syncLog = syncLog;
        this.payAtTable = payAtTable;
        this.breakers = breakers;
        this.settings = settings;
        this.backoff = settings.backoff();
        this.transactions = transactions;
        this.clock = clock;
        this.node = node;
        this.events = events;
        this.callBudget = callBudget;
        this.calls = Executors.newFixedThreadPool(settings.deliveryThreads(),
                Thread.ofPlatform().name("sync-delivery-", 0).daemon().factory());
        this.recorder = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("sync-record").daemon().factory());
    }

    /**
     * Delivers everything due now, batch after batch, and returns once all of it is recorded. Never throws: the
     * poller must keep running.
     */
    void runDue() {
        try {
            int claimed;
            do {
                claimed = runOnce();
            } while (claimed == settings.relayBatchSize());
        } catch (RuntimeException e) {
            log.error("The relay failed; it will try again at the next poll", e);
        } finally {
            awaitRecording();
        }
    }

    /** One batch: returns how many messages this node claimed. */
    int runOnce() {
        Instant now = clock.instant();
        Batch batch = transactions.execute(status -> claim(now));
        if (batch == null || batch.messages().isEmpty()) {
            return 0;
        }
        List<Future<Outcome>> running = batch.messages().stream()
                .map(message -> calls.submit(() -> deliver(message, batch)))
                .toList();
        var outcomes = new ArrayList<Outcome>(running.size());
        for (Future<Outcome> call : running) {
            try {
                outcomes.add(call.get());
            } catch (ExecutionException e) {
                log.error("Delivering an outbox message failed unexpectedly; its lease will expire and it is retried",
                        e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // The batch is recorded while the next one is claimed and called: the POS systems are not kept waiting on
        // the commit. One recording at a time. Its messages stay claimed until it commits, so the next claim
        // neither takes them again nor a newer version of their reservations (an older one is still pending).
        awaitRecording();
        recording = recorder.submit(() -> record(batch, outcomes));
        return batch.messages().size();
    }

    private void awaitRecording() {
        try {
            recording.get();
        } catch (ExecutionException e) {
            log.error("Recording a relay batch failed; its claims will expire and it is sent again", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The batch recorded has announced (a connection gone is disabled), and the one claimed meanwhile has been
        // called: a batch claimed from now on reads a disabled connection as such.
        // One by one: an id the recorder adds meanwhile (after an interrupted wait) is forgotten now or next time,
        // never dropped from goneDealtWith while still in goneConnections.
        for (Long connectionId : goneDealtWith) {
            goneConnections.remove(connectionId);
            goneDealtWith.remove(connectionId);
        }
    }

    /** The claimed messages, and what calling them needs, read once for the whole batch. */
    private Batch claim(Instant now) {
        Instant claimedUntil = now.plus(settings.claimLease());
        List<OutboxMessage> messages = store.claimDue(node, now, claimedUntil, settings.relayBatchSize());
        if (messages.isEmpty()) {
            return new Batch(messages, List.of(), Map.of(), Map.of(), Map.of(), claimedUntil);
        }
        Set<Long> connectionIds = new TreeSet<>(messages.stream().map(OutboxMessage::connectionId).toList());
        boolean anyWebhook = messages.stream().anyMatch(message -> !message.type().isPayAtTable());
        List<ReservationKey> keys = messages.stream().map(OutboxMessage::reservationKey).filter(Objects::nonNull)
                .toList();
        return new Batch(messages, keys, connections.findEnabledPush(connectionIds),
                anyWebhook ? connections.pushTargets(connectionIds) : Map.of(), store.deliveryStates(keys),
                claimedUntil);
    }

    /** Runs on a delivery thread; touches no database but through a pay-at-table call's own reads. */
    private Outcome deliver(OutboxMessage message, Batch batch) {
        if (clock.instant().plus(callBudget).isAfter(batch.claimedUntil())) {
            // A call that could outlast the claim might reach the POS after another node, having taken the message
            // over, delivered a newer version of its reservation. Not called: it goes again once its claim expires.
            return recording -> { };
        }
        PushConnection connection = batch.connections().get(message.connectionId());
        if (connection == null || goneConnections.contains(message.connectionId())) {
            // disabled meanwhile, or answered 410 Gone in this batch or the one being recorded: a window re-sends
            // what is not acknowledged once it is enabled again
            return giveUp(message, FailureWords.CONNECTION_DISABLED);
        }
        boolean payAtTableCall = message.type().isPayAtTable();
        if (!payAtTableCall && alreadyKnownToPos(message, batch)) {
            return recording -> recording.changes.superseded(message.id(), null);
        }
        CircuitBreaker breaker = payAtTableCall ? breakers.forPayAtTable(message.connectionId())
                : breakers.forConnection(message.connectionId());
        if (!breaker.tryAcquirePermission()) {
            Instant retryAt = clock.instant().plus(settings.breakerOpenFor());
            return recording -> recording.changes.postponed(message.id(), retryAt);
        }
        long started = System.nanoTime();
        Optional<PosCall> call = payAtTableCall ? payAtTable.call(message, connection)
                : webhook(message, connection, batch.targets().get(message.connectionId()));
        if (call.isEmpty()) {
            breaker.releasePermission();
            return giveUp(message, FailureWords.CONNECTION_DISABLED);
        }
        long elapsedNanos = System.nanoTime() - started;
        PushDeliveryOutcome outcome = call.get().outcome();
        if (outcome.failure() == CallFailure.GONE) {
            goneConnections.add(message.connectionId());
        }
        if (outcome.retryable()) {
            breaker.onError(elapsedNanos, TimeUnit.NANOSECONDS, new PosCallFailed(outcome.failure()));
        } else {
            breaker.onSuccess(elapsedNanos, TimeUnit.NANOSECONDS);
        }
        int latencyMs = (int) TimeUnit.NANOSECONDS.toMillis(elapsedNanos);
        return recording -> recordCall(recording, message, connection, call.get(), latencyMs);
    }

    /**
     * The signed webhook. Its acknowledgement moves the POS's delivery state forward, which the relay writes with
     * the rest of the batch. Empty: no target any more.
     */
    private Optional<PosCall> webhook(OutboxMessage message, PushConnection connection, PushTarget target) {
        return Optional.ofNullable(target).map(callable -> new PosCall(
                catalogue.pushAdapter(connection.partnerCode()).deliver(callable, message.webhookId(),
                        message.payload().getBytes(StandardCharsets.UTF_8)),
                null, true, () -> { }, () -> { }));
    }

    /** Nothing was called: the connection (or its pay at table) is gone. A pending payment then shows as failed. */
    private Outcome giveUp(OutboxMessage message, String reason) {
        return recording -> {
            recording.changes.superseded(message.id(), reason);
            recording.effects.add(() -> payAtTable.gaveUp(message));
        };
    }

    /** Never a version lower than the acknowledged one, and nothing after a delivered missed. */
    private static boolean alreadyKnownToPos(OutboxMessage message, Batch batch) {
        DeliveryState state = batch.states().getOrDefault(message.reservationKey(), DeliveryState.NOTHING);
        return state.missedDelivered() || state.ackedVersion() >= message.reservationVersion();
    }

    /**
     * Every outcome of the batch, their sync log lines and what they change here, in one transaction; then the
     * delivery events, and a POS that said 410 Gone loses its connection. Tried again on a lock conflict; should it
     * still fail, the claims expire and the messages go again with the same webhook-id. Runs on the recorder.
     */
    private void record(Batch batch, List<Outcome> outcomes) {
        Recording recording = null;
        for (int attempt = 1; recording == null; attempt++) {
            try {
                recording = transactions.execute(status -> {
                    var written = new Recording(clock.instant(), batch.reservationKeys());
                    outcomes.forEach(outcome -> outcome.writeTo(written));
                    store.apply(written.changes);
                    written.effects.forEach(Runnable::run);
                    syncLog.recordAll(written.lines);
                    return written;
                });
            } catch (ConcurrencyFailureException conflict) {
                if (attempt == RECORD_ATTEMPTS) {
                    // its messages go again once their claims expire, and a POS that is gone says 410 again
                    batch.messages().forEach(message -> goneConnections.remove(message.connectionId()));
                    throw conflict;
                }
            }
        }
        // after the commit and outside the retries: a conflict here must not record the batch a second time
        announce(recording);
    }

    private void announce(Recording recording) {
        if (!recording.attempts.isEmpty()) {
            events.publishEvent(new DeliveriesAttempted(recording.attempts));
        }
        for (long connectionId : recording.gone) {
            try {
                connections.disableAsGone(connectionId);
                log.warn("Connection {} disabled: its POS answered 410 Gone", connectionId);
            } catch (RuntimeException e) {
                log.error("Connection {} answered 410 Gone but could not be disabled; its next 410 tries again",
                        connectionId, e);
            } finally {
                // not forgotten yet: the batch claimed while this one was recorded may still be calling
                goneDealtWith.add(connectionId);
            }
        }
    }

    private void recordCall(Recording recording, OutboxMessage message, PushConnection connection, PosCall call,
            int latencyMs) {
        PushDeliveryOutcome outcome = call.outcome();
        int attempt = message.attempts() + 1;
        Instant now = recording.now;
        LogRecord line = LogRecord.message(message.restaurantId(), LogDirection.OUT, message.type().wireName())
                .connection(connection.connectionId(), connection.partnerCode())
                .messageId(message.webhookId())
                .reservation(message.reservationId())
                .http(outcome.httpStatus() == 0 ? null : outcome.httpStatus(), attempt, latencyMs)
                .payload(message.payload(), call.response());
        recording.lines.add(line);
        RelayChanges changes = recording.changes;
        if (call.acknowledged()) {
            changes.delivered(message.id(), outcome.httpStatus());
            if (message.type().isPayAtTable()) {
                recording.effects.add(call.onAcknowledged());
            } else {
                // final unless staff un-parked the reservation meanwhile (OutboxStore decides as it writes)
                changes.acknowledged(message.id(), message.connectionId(), message.reservationId(),
                        message.reservationVersion(), message.type() == MessageType.MISSED, now);
            }
            line.outcome(LogOutcome.SUCCESS);
            recording.announce(message, DeliveryAttempted.Outcome.DELIVERED);
            return;
        }
        CallFailure failure = outcome.failure();
        Integer httpStatus = outcome.httpStatus() == 0 ? null : outcome.httpStatus();
        line.error(failure.name(), FailureWords.describe(message.type(), failure, outcome.httpStatus()));
        if (outcome.retryable()) {
            Instant firstFailure = message.retryStartedAt() == null ? now : message.retryStartedAt();
            if (recording.hasNewerPending(message)) {
                changes.superseded(message.id(), failure.name());
                line.outcome(LogOutcome.RETRYING);
            } else if (backoff.givesUp(attempt, firstFailure, now)) {
                failed(recording, message, call, attempt, httpStatus, failure);
                line.outcome(LogOutcome.FAILED);
            } else {
                Duration delay = backoff.delay(attempt, outcome.retryAfter());
                changes.retry(message.id(), attempt, httpStatus, failure.name(), firstFailure, now.plus(delay));
                line.outcome(LogOutcome.RETRYING);
            }
            recording.announce(message, DeliveryAttempted.Outcome.CONNECTION_FAILED);
            return;
        }
        failed(recording, message, call, attempt, httpStatus, failure);
        line.outcome(LogOutcome.FAILED);
        recording.announce(message, DeliveryAttempted.Outcome.of(failure));
        if (failure == CallFailure.GONE) {
            recording.gone.add(message.connectionId());
        }
    }

    private static void failed(Recording recording, OutboxMessage message, PosCall call, int attempt,
            Integer httpStatus, CallFailure failure) {
        recording.changes.failed(message.id(), attempt, httpStatus, failure.name());
        recording.effects.add(call.onFailedForGood());
    }

    @Override
    public void close() {
        calls.shutdownNow();
        recorder.shutdownNow();
    }

    /** A claimed batch and what its calls need. */
    private record Batch(List<OutboxMessage> messages, List<ReservationKey> reservationKeys,
            Map<Long, PushConnection> connections, Map<Long, PushTarget> targets,
            Map<ReservationKey, DeliveryState> states, Instant claimedUntil) {}

    /** What became of one claimed message, written with the rest of its batch. */
    private interface Outcome {
        void writeTo(Recording recording);
    }

    /** One attempt at recording a batch: what it writes, and what to announce once it is committed. */
    private final class Recording {

        final Instant now;
        final RelayChanges changes;
        final List<LogRecord> lines = new ArrayList<>();
        /** What a pay-at-table call's outcome changes here (a bill, a payment), in the same transaction. */
        final List<Runnable> effects = new ArrayList<>();
        final List<DeliveryAttempted> attempts = new ArrayList<>();
        final Set<Long> gone = new TreeSet<>();
        private final List<ReservationKey> batchKeys;
        private Map<ReservationKey, Long> newestPending;

        Recording(Instant now, List<ReservationKey> batchKeys) {
            this.now = now;
            this.changes = new RelayChanges(now);
            this.batchKeys = batchKeys;
        }

        /** Read once per batch, when the first outcome asks. */
        boolean hasNewerPending(OutboxMessage message) {
            if (message.reservationKey() == null) {
                return false;
            }
            if (newestPending == null) {
                newestPending = store.newestPending(batchKeys);
            }
            return newestPending.getOrDefault(message.reservationKey(), message.id()) > message.id();
        }

        void announce(OutboxMessage message, DeliveryAttempted.Outcome outcome) {
            attempts.add(new DeliveryAttempted(message.restaurantId(), message.connectionId(), now, outcome,
                    Duration.between(message.createdAt(), now)));
        }
    }

    /** What the circuit breaker counts: a POS call that failed in a way worth retrying. */
    private static final class PosCallFailed extends RuntimeException {
        PosCallFailed(CallFailure failure) {
            super(failure.name(), null, false, false);
        }
    }
}
