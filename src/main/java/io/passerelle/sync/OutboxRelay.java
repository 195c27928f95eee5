package io.passerelle.sync;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.PushConnection;
import io.passerelle.partner.CallFailure;
import io.passerelle.partner.PartnerCatalogue;
import io.passerelle.partner.PushDeliveryOutcome;
import io.passerelle.partner.PushTarget;
import io.passerelle.synclog.LogDirection;
import io.passerelle.synclog.LogOutcome;
import io.passerelle.synclog.LogRecord;
import io.passerelle.synclog.SyncLogService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox: webhooks to push-style POS systems, and calls to their pay-at-table servers. Claims a
 * bounded batch of due messages in a short transaction (rows other nodes hold are skipped), calls the POS outside
 * any transaction, then records the outcome. A node that dies mid-way leaves its claims to expire: another node
 * delivers them with the same webhook-id (or payment id), and the POS dedupes. Retries live here only (the HTTP
 * clients never retry): backoff with full jitter, Retry-After honoured, a circuit breaker per connection.
 */
class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

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
    private final ApplicationEventPublisher events;

    OutboxRelay(OutboxStore store, ConnectionService connections, PartnerCatalogue catalogue, SyncLogService syncLog,
            PayAtTableCalls payAtTable, ConnectionBreakers breakers, SyncSettings settings,
            TransactionTemplate transactions, Clock clock, String node, ApplicationEventPublisher events) {
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
        this.calls = Executors.newFixedThreadPool(settings.deliveryThreads(),
                Thread.ofPlatform().name("sync-delivery-", 0).daemon().factory());
    }

    /** Delivers everything due now, batch after batch. Never throws: the poller must keep running. */
    void runDue() {
        try {
            int claimed;
            do {
                claimed = runOnce();
            } while (claimed == settings.relayBatchSize());
        } catch (RuntimeException e) {
            log.error("The relay failed; it will try again at the next poll", e);
        }
    }

    /** One batch: returns how many messages this node claimed. */
    int runOnce() {
        Instant now = clock.instant();
        List<OutboxMessage> batch = transactions.execute(status ->
                store.claimDue(node, now, now.plus(settings.claimLease()), settings.relayBatchSize()));
        if (batch == null || batch.isEmpty()) {
            return 0;
        }
        List<Future<?>> running = batch.stream().<Future<?>>map(message -> calls.submit(() -> deliver(message)))
                .toList();
        for (Future<?> call : running) {
            try {
                call.get();
            } catch (ExecutionException e) {
                log.error("Delivering an outbox message failed unexpectedly; its lease will expire and it is retried",
                        e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return batch.size();
    }

    private void deliver(OutboxMessage message) {
        Optional<PushConnection> connection = connections.findEnabledPush(message.connectionId());
        if (connection.isEmpty()) {
            // disabled meanwhile: a window re-sends what is not acknowledged once it is enabled again
            giveUp(message, FailureWords.CONNECTION_DISABLED);
            return;
        }
        boolean payAtTableCall = message.type().isPayAtTable();
        if (!payAtTableCall && alreadyKnownToPos(message)) {
            store.markSuperseded(message.id(), null);
            return;
        }
        CircuitBreaker breaker = payAtTableCall ? breakers.forPayAtTable(message.connectionId())
                : breakers.forConnection(message.connectionId());
        if (!breaker.tryAcquirePermission()) {
            store.postpone(message.id(), clock.instant().plus(settings.breakerOpenFor()));
            return;
        }
        long started = System.nanoTime();
        Optional<PosCall> call = payAtTableCall ? payAtTable.call(message, connection.get())
                : webhook(message, connection.get());
        if (call.isEmpty()) {
            breaker.releasePermission();
            giveUp(message, FailureWords.CONNECTION_DISABLED);
            return;
        }
        long elapsedNanos = System.nanoTime() - started;
        PushDeliveryOutcome outcome = call.get().outcome();
        if (outcome.retryable()) {
            breaker.onError(elapsedNanos, TimeUnit.NANOSECONDS, new PosCallFailed(outcome.failure()));
        } else {
            breaker.onSuccess(elapsedNanos, TimeUnit.NANOSECONDS);
        }
        record(message, connection.get(), call.get(), (int) TimeUnit.NANOSECONDS.toMillis(elapsedNanos));
    }

    /** The signed webhook; acknowledged, it moves the POS's delivery state forward. Empty: no target any more. */
    private Optional<PosCall> webhook(OutboxMessage message, PushConnection connection) {
        return connections.pushTarget(message.connectionId()).map(target -> new PosCall(
                catalogue.pushAdapter(connection.partnerCode()).deliver(target, message.webhookId(),
                        message.payload().getBytes(StandardCharsets.UTF_8)),
                null, true,
                () -> store.acknowledge(message.connectionId(), message.reservationId(), message.reservationVersion(),
                        message.type() == MessageType.MISSED, clock.instant()),
                () -> { }));
    }

    /** Nothing was called: the connection (or its pay at table) is gone. A pending payment then shows as failed. */
    private void giveUp(OutboxMessage message, String reason) {
        transactions.executeWithoutResult(status -> {
            store.markSuperseded(message.id(), reason);
            payAtTable.gaveUp(message);
        });
    }

    /** Never a version lower than the acknowledged one, and nothing after a delivered missed. */
    private boolean alreadyKnownToPos(OutboxMessage message) {
        DeliveryState state = store.deliveryState(message.connectionId(), message.reservationId());
        return state.missedDelivered() || state.ackedVersion() >= message.reservationVersion();
    }

    private void record(OutboxMessage message, PushConnection connection, PosCall call, int latencyMs) {
        PushDeliveryOutcome outcome = call.outcome();
        int attempt = message.attempts() + 1;
        Instant now = clock.instant();
        LogRecord line = LogRecord.message(message.restaurantId(), LogDirection.OUT, message.type().wireName())
                .connection(connection.connectionId(), connection.partnerCode())
                .messageId(message.webhookId())
                .reservation(message.reservationId())
                .http(outcome.httpStatus() == 0 ? null : outcome.httpStatus(), attempt, latencyMs)
                .payload(message.payload(), call.response());
        if (call.acknowledged()) {
            transactions.executeWithoutResult(status -> {
                store.markDelivered(message.id(), attempt, outcome.httpStatus(), now);
                call.onAcknowledged().run();
            });
            syncLog.record(line.outcome(LogOutcome.SUCCESS));
            announce(message, now, DeliveryAttempted.Outcome.DELIVERED);
            return;
        }
        CallFailure failure = outcome.failure();
        Integer httpStatus = outcome.httpStatus() == 0 ? null : outcome.httpStatus();
        line.error(failure.name(), FailureWords.describe(message.type(), failure, outcome.httpStatus()));
        if (outcome.retryable()) {
            Instant firstFailure = message.retryStartedAt() == null ? now : message.retryStartedAt();
            if (store.hasNewerPending(message)) {
                store.markSuperseded(message.id(), failure.name());
                syncLog.record(line.outcome(LogOutcome.RETRYING));
            } else if (backoff.givesUp(attempt, firstFailure, now)) {
                markFailed(message, call, attempt, httpStatus, failure);
                syncLog.record(line.outcome(LogOutcome.FAILED));
            } else {
                Duration delay = backoff.delay(attempt, outcome.retryAfter());
                store.markRetry(message.id(), attempt, httpStatus, failure.name(), firstFailure, now.plus(delay));
                syncLog.record(line.outcome(LogOutcome.RETRYING));
            }
            announce(message, now, DeliveryAttempted.Outcome.CONNECTION_FAILED);
            return;
        }
        markFailed(message, call, attempt, httpStatus, failure);
        syncLog.record(line.outcome(LogOutcome.FAILED));
        announce(message, now, DeliveryAttempted.Outcome.of(failure));
        if (failure == CallFailure.GONE) {
            connections.disableAsGone(message.connectionId());
            log.warn("Connection {} disabled: its POS answered 410 Gone", message.connectionId());
        }
    }

    private void announce(OutboxMessage message, Instant now, DeliveryAttempted.Outcome outcome) {
        events.publishEvent(new DeliveryAttempted(message.restaurantId(), message.connectionId(), now, outcome,
                Duration.between(message.createdAt(), now)));
    }

    private void markFailed(OutboxMessage message, PosCall call, int attempt, Integer httpStatus, CallFailure failure) {
        transactions.executeWithoutResult(status -> {
            store.markFailed(message.id(), attempt, httpStatus, failure.name());
            call.onFailedForGood().run();
        });
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }

    /** What the circuit breaker counts: a POS call that failed in a way worth retrying. */
    private static final class PosCallFailed extends RuntimeException {
        PosCallFailed(CallFailure failure) {
            super(failure.name(), null, false, false);
        }
    }
}
