package io.passerelle.sync;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.PartnerConnection;
import io.passerelle.connection.PushConnection;
import io.passerelle.partner.PartnerStyle;
import io.passerelle.restaurant.RestaurantAccess;
import io.passerelle.shared.NotFoundException;
import io.passerelle.shared.RuleViolationException;
import io.passerelle.sync.SyncConfiguration.SyncNode;
import io.passerelle.synclog.FailedDeliveryReplay;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sync engine's door. People: manual sync, replay, health, failed messages of the restaurants they may
 * see. Machines (the window jobs): {@link #runWindow} and {@link #reconcile}.
 */
@Service
public class SyncService implements FailedDeliveryReplay {

    private static final Logger log = LoggerFactory.getLogger(SyncService.class);
    public static final String MANUAL_TRIGGER = "manual";

    private final Reconciler reconciler;
    private final OutboxStore store;
    private final ConnectionService connections;
    private final RestaurantAccess access;
    private final ConnectionBreakers breakers;
    private final RelayKicker relay;
    private final SyncSettings settings;
    private final Executor manualSyncs;
    private final String node;
    private final Clock clock;
    private final Map<Long, ManualSync> running = new ConcurrentHashMap<>();

    SyncService(Reconciler reconciler, OutboxStore store, ConnectionService connections, RestaurantAccess access,
            ConnectionBreakers breakers, RelayKicker relay, SyncSettings settings,
            @Qualifier("manualSyncExecutor") Executor manualSyncs, SyncNode node, Clock clock) {
        this.reconciler = reconciler;
        this.store = store;
        this.connections = connections;
        this.access = access;
        this.breakers = breakers;
        this.relay = relay;
        this.settings = settings;
        this.manualSyncs = manualSyncs;
        this.node = node.id();
        this.clock = clock;
    }

    // --- machine side: the window jobs

    /**
     * Every enabled push connection, in bounded pages, each page reconciled at once; a connection another node is
     * reconciling is skipped.
     */
    public void runWindow(SyncWindow window) {
        String holder = node + "/" + window.trigger();
        long afterId = 0;
        List<PushConnection> page;
        do {
            page = connections.enabledPushConnectionsAfter(afterId, settings.windowBatchSize());
            if (page.isEmpty()) {
                return;
            }
            try {
                reconciler.runPage(page, window, window.trigger(), holder);
            } catch (RuntimeException e) {
                log.error("Reconciling connections {} to {} over the {} window failed", page.getFirst().connectionId(),
                        page.getLast().connectionId(), window, e);
            }
            afterId = page.getLast().connectionId();
        } while (page.size() == settings.windowBatchSize());
    }

    /** Empty when the connection is not an enabled push connection, or another run holds it. */
    public Optional<RunSummary> reconcile(long connectionId, SyncWindow window, String trigger) {
        return connections.findEnabledPush(connectionId).flatMap(connection -> reconcile(connection, window, trigger));
    }

    private Optional<RunSummary> reconcile(PushConnection connection, SyncWindow window, String trigger) {
        String holder = node + "/" + trigger;
        if (!reconciler.tryLease(connection.connectionId(), holder)) {
            return Optional.empty();
        }
        try {
            return Optional.of(reconciler.run(connection, window, trigger, holder, SyncProgress.NONE, () -> false));
        } finally {
            reconciler.releaseLease(connection.connectionId(), holder);
        }
    }

    // --- people

    /**
     * Runs the long window over one push connection now, in the background; the listener hears progress and
     * the summary. Refused while another sync of this connection runs, here or on another node.
     */
    public ManualSync startManualSync(long restaurantId, long connectionId, SyncProgress listener) {
        PartnerConnection connection = connections.get(restaurantId, connectionId);
        if (connection.getStyle() != PartnerStyle.PUSH || !connection.isEnabled()) {
            throw new RuleViolationException(null, "sync.error.not-push",
                    "Only an enabled push-style connection is synced by Passerelle");
        }
        var push = new PushConnection(connectionId, restaurantId, connection.getPartnerCode());
        var sync = new ManualSync(connectionId);
        String holder = node + "/" + MANUAL_TRIGGER;
        if (running.putIfAbsent(connectionId, sync) != null) {
            throw alreadyRunning();
        }
        if (!reconciler.tryLease(connectionId, holder)) {
            running.remove(connectionId);
            throw alreadyRunning();
        }
        try {
            manualSyncs.execute(() -> runManual(push, sync, holder, listener));
        } catch (RejectedExecutionException e) {
            release(connectionId, holder);
            throw new RuleViolationException(null, "sync.error.busy", "Too many syncs are running; try again shortly");
        }
        return sync;
    }

    /** Whether a manual sync of this connection runs on this node. */
    public boolean isManualSyncRunning(long restaurantId, long connectionId) {
        access.check(restaurantId);
        return running.containsKey(connectionId);
    }

    /** A FAILED message back in the queue, from its first attempt; the same webhook-id, so the POS dedupes. */
    public void replay(long restaurantId, long messageId) {
        access.check(restaurantId);
        OutboxMessage message = store.find(restaurantId, messageId)
                .orElseThrow(() -> NotFoundException.forId("Message", messageId));
        if (store.replay(restaurantId, message.id(), clock.instant()) == 0) {
            throw new RuleViolationException(null, "sync.error.not-failed", "Only a failed message can be replayed");
        }
        relay.kick();
    }

    /** The sync log's replay: FAILED messages named by their webhook ids, back in the queue. */
    @Override
    public int replay(long restaurantId, Collection<String> webhookIds) {
        access.check(restaurantId);
        if (webhookIds.isEmpty()) {
            return 0;
        }
        int queued = store.replayByWebhookIds(restaurantId, webhookIds, clock.instant());
        if (queued > 0) {
            relay.kick();
        }
        return queued;
    }

    @Transactional(readOnly = true)
    public List<OutboxMessage> failedMessages(long restaurantId, long connectionId, int limit) {
        connections.get(restaurantId, connectionId);
        return store.messages(restaurantId, connectionId, OutboxStatus.FAILED, limit);
    }

    @Transactional(readOnly = true)
    public ConnectionHealth health(long restaurantId, long connectionId) {
        connections.get(restaurantId, connectionId);
        long retrying = store.countRetrying(connectionId);
        long failed = store.countFailed(connectionId);
        boolean breakerOpen = breakers.state(connectionId) != CircuitBreaker.State.CLOSED;
        return new ConnectionHealth(breakerOpen || retrying > 0 ? ConnectionHealth.Status.DEGRADED
                : ConnectionHealth.Status.HEALTHY, retrying, failed);
    }

    /** Of these connections, those whose circuit breaker rests their POS on this node. Ids only: no tenant data. */
    public Set<Long> restingConnections(Collection<Long> connectionIds) {
        return connectionIds.stream()
                .filter(id -> breakers.state(id) != CircuitBreaker.State.CLOSED)
                .collect(Collectors.toSet());
    }

    private void runManual(PushConnection connection, ManualSync sync, String holder, SyncProgress listener) {
        try {
            listener.finished(reconciler.run(connection, SyncWindow.LONG, MANUAL_TRIGGER, holder, listener,
                    sync::isCancelled));
        } catch (RuntimeException e) {
            log.error("The manual sync of connection {} failed", connection.connectionId(), e);
            listener.failed();
        } finally {
            release(connection.connectionId(), holder);
        }
    }

    /**
     * Releasing the lease fails while the database is away; this node's record of the run ends all the same, or every
     * later manual sync of the connection here would be refused as already running. The lease itself then waits for
     * its end, or for this node's next manual sync, which holds it under the same name.
     */
    private void release(long connectionId, String holder) {
        try {
            reconciler.releaseLease(connectionId, holder);
        } finally {
            running.remove(connectionId);
        }
    }

    private static RuleViolationException alreadyRunning() {
        return new RuleViolationException(null, "sync.error.already-running",
                "A sync of this connection is already running");
    }
}
