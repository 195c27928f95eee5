package io.passerelle.sync;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.passerelle.connection.CallablePushConnection;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 *   <li>records every outcome and its sync log line in one transaction, with JDBC batches, as soon as the batch's
 *   last call has ended.</li>
 * </ol>
 * The steps of consecutive batches overlap: up to {@link #BATCHES_IN_FLIGHT} batches are claimed and not yet
 * recorded, so the next batch is claimed while one is called and its calls queue behind the current ones (a
 * delivery thread never waits on a claim, nor on the slowest call of a batch), and batches called while one is
 * recorded are recorded together, in one commit.
 * A node that dies mid-way leaves its claims to expire: another node delivers them with the same webhook-id (or
 * payment id), and the POS dedupes. Retries live here only (the HTTP clients never retry): backoff with full jitter,
 * Retry-After honoured, a circuit breaker per connection.
 */
class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Recording a batch meets another transaction's locks at worst rarely: it is tried again a few times. */
    private static final int RECORD_ATTEMPTS = 3;
    /**
     * Batches claimed and not yet recorded, at most: enough that the delivery threads always have the next batch's
     * calls queued, few enough that a slow POS or recording leaves the rest of the outbox to other nodes.
     */
    private static final int BATCHES_IN_FLIGHT = 4;

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
    /** Records the batches whose calls have ended, one transaction at a time. */
    private final ExecutorService recorder;
    private final ApplicationEventPublisher events;
    /** Longest a call may take: connect and read timeouts. */
    private final Duration callBudget;
    /** A permit per batch claimed and not yet recorded. */
    private final Semaphore inFlight = new Semaphore(BATCHES_IN_FLIGHT);
    /** Numbers the claims, in the order they start; only the relay's one scheduler thread counts. */
    private final AtomicLong claims = new AtomicLong();
    /** The numbers of the batches claimed whose calls have not all ended. */
    private final NavigableSet<Long> calling = new ConcurrentSkipListSet<>();
    /** Batches whose calls have ended, waiting for the recorder. */
    private final Queue<Batch> called = new ConcurrentLinkedQueue<>();
    private final GoneConnections gone = new GoneConnections();

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
                claimed = claimAndCall();
            } while (claimed == settings.relayBatchSize());
        } catch (RuntimeException e) {
            log.error("The relay failed; it will try again at the next poll", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            awaitRecorded();
        }
    }

    /** Until every batch claimed is recorded (or given up): each gives its permit back. */
    private void awaitRecorded() {
        try {
            inFlight.acquire(BATCHES_IN_FLIGHT);
            inFlight.release(BATCHES_IN_FLIGHT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Claims a batch, once fewer than {@link #BATCHES_IN_FLIGHT} are unrecorded, and queues its calls behind those of
     * the batches before it; returns how many messages this node claimed.
     */
    private int claimAndCall() throws InterruptedException {
        inFlight.acquire();
        // numbered before the claim reads the connections: see GoneConnections
        long number = claims.incrementAndGet();
        calling.add(number);
        gone.forgetOlderThan(calling.first());
        Batch batch;
        try {
            Instant now = clock.instant();
            batch = transactions.execute(status -> claim(number, now));
        } catch (RuntimeException e) {
            calling.remove(number);
            inFlight.release();
            throw e;
        }
        if (batch.messages().isEmpty()) {
            calling.remove(number);
            inFlight.release();
            return 0;
        }
        for (int index = 0; index < batch.messages().size(); index++) {
            var call = new Call(batch, index);
            try {
                calls.execute(call);
            } catch (RejectedExecutionException closed) {
                // the relay is closing (close() gave back the claims of the calls it found queued): this one expires
                call.ended(null);
            }
        }
        return batch.messages().size();
    }

    /** The claimed messages, and what calling them needs, read once for the whole batch. */
    private Batch claim(long number, Instant now) {
        Instant claimedUntil = now.plus(settings.claimLease());
        List<OutboxMessage> messages = store.claimDue(node, now, claimedUntil, settings.relayBatchSize());
        if (messages.isEmpty()) {
            return new Batch(number, messages, List.of(), Map.of(), Map.of(), claimedUntil);
        }
        Set<Long> connectionIds = new TreeSet<>(messages.stream().map(OutboxMessage::connectionId).toList());
        List<ReservationKey> keys = messages.stream().map(OutboxMessage::reservationKey).filter(Objects::nonNull)
                .toList();
        return new Batch(number, messages, keys, connections.findEnabledPushToCall(connectionIds),
                store.deliveryStates(keys), claimedUntil);
    }

    /** One message of a batch, on a delivery thread. */
    private final class Call implements Runnable {

        private final Batch batch;
        private final int index;

        Call(Batch batch, int index) {
            this.batch = batch;
            this.index = index;
        }

        OutboxMessage message() {
            return batch.messages().get(index);
        }

        @Override
        public void run() {
            Outcome outcome = null;
            try {
                outcome = deliver(message(), batch);
            } catch (RuntimeException e) {
                log.error("Delivering an outbox message failed unexpectedly; its lease will expire and it is retried",
                        e);
            } finally {
                ended(outcome);
            }
        }

        /**
         * What became of the message (null: nothing recorded, its claim expires); the last call of a batch hands the
         * batch to the recorder.
         */
        void ended(Outcome outcome) {
            if (!batch.ended(index, outcome)) {
                return;
            }
            calling.remove(batch.number());
            called.add(batch);
            try {
                recorder.execute(OutboxRelay.this::recordCalled);
            } catch (RejectedExecutionException closed) {
                // the relay is closing: the batch's claims expire
                called.remove(batch);
                inFlight.release();
            }
        }
    }

    /** Runs on a delivery thread; touches no database but through a pay-at-table call's own reads. */
    private Outcome deliver(OutboxMessage message, Batch batch) {
        if (clock.instant().plus(callBudget).isAfter(batch.claimedUntil())) {
            // A call that could outlast the claim might reach the POS after another node, having taken the message
            // over, delivered a newer version of its reservation. Not called: it goes again once its claim expires.
            return recording -> { };
        }
        CallablePushConnection callable = batch.connections().get(message.connectionId());
        if (callable == null || gone.calledOff(message.connectionId(), batch.number())) {
            // disabled meanwhile, or answered 410 Gone since this batch was claimed: a window re-sends what is not
            // acknowledged once it is enabled again
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
        PushConnection connection = callable.connection();
        long started = System.nanoTime();
        Optional<PosCall> call = payAtTableCall ? payAtTable.call(message, connection)
                : webhook(message, connection, callable.target());
        if (call.isEmpty()) {
            breaker.releasePermission();
            return giveUp(message, FailureWords.CONNECTION_DISABLED);
        }
        long elapsedNanos = System.nanoTime() - started;
        PushDeliveryOutcome outcome = call.get().outcome();
        if (outcome.failure() == CallFailure.GONE && gone.answeredGone(message.connectionId(), batch.number())) {
            batch.gone().add(message.connectionId());
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

    /** Records the batches whose calls have ended, all of them in one go; on the recorder. */
    private void recordCalled() {
        var batches = new ArrayList<Batch>();
        for (Batch batch = called.poll(); batch != null; batch = called.poll()) {
            batches.add(batch);
        }
        if (batches.isEmpty()) {
            return; // recorded with a batch before it
        }
        try {
            record(batches);
        } catch (RuntimeException e) {
            log.error("Recording relay batches failed; their claims will expire and they are sent again", e);
        } finally {
            inFlight.release(batches.size());
        }
    }

    /**
     * Every outcome of these batches, their sync log lines and what they change here, in one transaction; then the
     * delivery events, and a POS that said 410 Gone loses its connection. Tried again on a lock conflict; should it
     * still fail, the claims expire and the messages go again with the same webhook-id.
     */
    private void record(List<Batch> batches) {
        List<ReservationKey> keys = batches.stream().flatMap(batch -> batch.reservationKeys().stream()).toList();
        Recording recording = null;
        try {
            for (int attempt = 1; recording == null; attempt++) {
                try {
                    recording = transactions.execute(status -> {
                        var written = new Recording(clock.instant(), keys);
                        batches.forEach(batch -> batch.outcomes().forEach(outcome -> outcome.writeTo(written)));
                        store.apply(written.changes);
                        written.effects.forEach(Runnable::run);
                        syncLog.recordAll(written.lines);
                        return written;
                    });
                } catch (ConcurrencyFailureException conflict) {
                    if (attempt == RECORD_ATTEMPTS) {
                        throw conflict;
                    }
                }
            }
        } catch (RuntimeException notRecorded) {
            // Whatever the failure (a conflict that persists, the database away): the messages go again once their
            // claims expire, and a POS that is gone says 410 again. Left marked, its connection would stay called
            // off on this node though still enabled, and nothing would ever disable it.
            batches.forEach(batch -> batch.gone().forEach(connectionId -> gone.dealtWith(connectionId,
                    claims.get())));
            throw notRecorded;
        }
        // after the commit and outside the retries: a conflict here must not record the batches a second time
        announce(recording, batches);
    }

    private void announce(Recording recording, List<Batch> batches) {
        if (!recording.attempts.isEmpty()) {
            events.publishEvent(new DeliveriesAttempted(recording.attempts));
        }
        batches.forEach(batch -> batch.gone().forEach(this::disableAsGone));
    }

    private void disableAsGone(long connectionId) {
        try {
            connections.disableAsGone(connectionId);
            log.warn("Connection {} disabled: its POS answered 410 Gone", connectionId);
        } catch (RuntimeException e) {
            log.error("Connection {} answered 410 Gone but could not be disabled; its next 410 tries again",
                    connectionId, e);
        } finally {
            // the batches claimed until now may have read it as enabled; those claimed from now on read it as it is
            gone.dealtWith(connectionId, claims.get());
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
    }

    private static void failed(Recording recording, OutboxMessage message, PosCall call, int attempt,
            Integer httpStatus, CallFailure failure) {
        recording.changes.failed(message.id(), attempt, httpStatus, failure.name());
        recording.effects.add(call.onFailedForGood());
    }

    /**
     * Stops the calls and the recorder; the messages whose calls had not started become claimable again at once, those
     * called and not recorded when their claims expire.
     */
    @Override
    public void close() {
        List<Long> notCalled = calls.shutdownNow().stream().map(call -> ((Call) call).message().id()).toList();
        recorder.shutdownNow();
        if (notCalled.isEmpty()) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> store.releaseClaims(node, notCalled, clock.instant()));
        } catch (RuntimeException e) {
            log.warn("{} claimed messages were not called; their claims expire", notCalled.size(), e);
        }
    }

    /** A claimed batch, what its calls need, and what became of them so far. */
    private static final class Batch {

        private final long number;
        private final List<OutboxMessage> messages;
        private final List<ReservationKey> reservationKeys;
        private final Map<Long, CallablePushConnection> connections;
        private final Map<ReservationKey, DeliveryState> states;
        private final Instant claimedUntil;
        private final Outcome[] outcomes;
        private final AtomicInteger running;
        /** The connections that answered 410 Gone to this batch first: its recording disables them. */
        private final Set<Long> gone = ConcurrentHashMap.newKeySet();

        Batch(long number, List<OutboxMessage> messages, List<ReservationKey> reservationKeys,
                Map<Long, CallablePushConnection> connections, Map<ReservationKey, DeliveryState> states,
                Instant claimedUntil) {
            this.number = number;
            this.messages = messages;
            this.reservationKeys = reservationKeys;
            this.connections = connections;
            this.states = states;
            this.claimedUntil = claimedUntil;
            this.outcomes = new Outcome[messages.size()];
            this.running = new AtomicInteger(messages.size());
        }

        long number() {
            return number;
        }

        List<OutboxMessage> messages() {
            return messages;
        }

        List<ReservationKey> reservationKeys() {
            return reservationKeys;
        }

        Map<Long, CallablePushConnection> connections() {
            return connections;
        }

        Map<ReservationKey, DeliveryState> states() {
            return states;
        }

        Instant claimedUntil() {
            return claimedUntil;
        }

        Set<Long> gone() {
            return gone;
        }

        /** The outcome of message {@code index}; true if it was the last one. */
        boolean ended(int index, Outcome outcome) {
            outcomes[index] = outcome;
            return running.decrementAndGet() == 0;
        }

        /** Once all ended (the last call's decrement publishes the others' outcomes): those there are. */
        List<Outcome> outcomes() {
            return Arrays.stream(outcomes).filter(Objects::nonNull).toList();
        }
    }

    /**
     * Connections whose POS answered 410 Gone, and the batches that must call them no more: every batch claimed before
     * the connection was disabled, which read it as enabled, whether its calls are queued or under way. A batch
     * claimed after reads it as disabled. Claims are numbered in the order they start, before they read anything; a
     * connection is forgotten once no batch that read it as enabled is still calling.
     */
    private static final class GoneConnections {

        /** Not disabled yet: every batch, even one claimed from now on, reads the connection as enabled. */
        private static final long BEING_DISABLED = Long.MAX_VALUE;
        /** By connection: the last claim that may have read it as enabled. */
        private final Map<Long, Long> readAsEnabledUpTo = new HashMap<>();

        /** Whether the batch of this claim must not call the connection. Claims are numbered from 1. */
        synchronized boolean calledOff(long connectionId, long claim) {
            return claim <= readAsEnabledUpTo.getOrDefault(connectionId, 0L);
        }

        /**
         * A call of this claim was answered 410 Gone. True if that is news, and its batch's recording is to disable
         * the connection; not if an earlier 410 is already dealt with for this claim (a call made before it was
         * known), so that the connection is disabled once.
         */
        synchronized boolean answeredGone(long connectionId, long claim) {
            if (calledOff(connectionId, claim)) {
                return false;
            }
            readAsEnabledUpTo.put(connectionId, BEING_DISABLED);
            return true;
        }

        /**
         * Disabled, or the disabling failed (its next 410 tries again): claims after {@code lastClaim} read the
         * connection as it is.
         */
        synchronized void dealtWith(long connectionId, long lastClaim) {
            readAsEnabledUpTo.put(connectionId, lastClaim);
        }

        /** Forgets the connections that neither the batches still calling nor those to come may have read as enabled. */
        synchronized void forgetOlderThan(long oldestCalling) {
            readAsEnabledUpTo.values().removeIf(lastClaim -> lastClaim < oldestCalling);
        }
    }

    /** What became of one claimed message, written with the rest of its batch. */
    private interface Outcome {
        void writeTo(Recording recording);
    }

    /** One attempt at recording batches: what it writes, and what to announce once it is committed. */
    private final class Recording {

        final Instant now;
        final RelayChanges changes;
        final List<LogRecord> lines = new ArrayList<>();
        /** What a pay-at-table call's outcome changes here (a bill, a payment), in the same transaction. */
        final List<Runnable> effects = new ArrayList<>();
        final List<DeliveryAttempted> attempts = new ArrayList<>();
        private final List<ReservationKey> batchKeys;
        private Map<ReservationKey, Long> newestPending;

        Recording(Instant now, List<ReservationKey> batchKeys) {
            this.now = now;
            this.changes = new RelayChanges(now);
            this.batchKeys = batchKeys;
        }

        /** Read once per recording, when the first outcome asks. */
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
