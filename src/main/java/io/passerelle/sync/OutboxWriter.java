package io.passerelle.sync;

import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.PushConnection;
import io.passerelle.partner.PartnerCatalogue;
import io.passerelle.partner.PartnerDescriptor;
import io.passerelle.reservation.MissedOverridden;
import io.passerelle.reservation.PosTableNameResolver;
import io.passerelle.reservation.ReservationChanged;
import io.passerelle.reservation.ReservationChanged.ReportedByPos;
import io.passerelle.reservation.ReservationSnapshot;
import io.passerelle.reservation.ReservationSnapshots;
import io.passerelle.restaurant.RestaurantRef;
import io.passerelle.restaurant.RestaurantService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes outbox messages. On every reservation change, synchronously inside the changing transaction (the
 * change and its messages commit or roll back together), one message per enabled push connection of the
 * restaurant; and for the windows, whatever a POS has not acknowledged. The rules of what travels live here.
 */
@Component
class OutboxWriter {

    private final OutboxStore store;
    private final ConnectionService connections;
    private final ReservationSnapshots snapshots;
    private final RestaurantService restaurants;
    private final PartnerCatalogue catalogue;
    private final WireFormat wire;
    private final PosTableNameResolver tableNames;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OutboxWriter(OutboxStore store, ConnectionService connections, ReservationSnapshots snapshots,
            RestaurantService restaurants, PartnerCatalogue catalogue, WireFormat wire,
            PosTableNameResolver tableNames, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.connections = connections;
        this.snapshots = snapshots;
        this.restaurants = restaurants;
        this.catalogue = catalogue;
        this.wire = wire;
        this.tableNames = tableNames;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ReservationChanged change) {
        List<PushConnection> told = work().pushConnections
                .computeIfAbsent(change.restaurantId(), connections::enabledPushConnections).stream()
                .filter(connection -> !isOwnNewsOfUpToDatePos(connection, change))
                .toList();
        if (told.isEmpty()) {
            // no push POS, or only the one that reported the change: nothing to read, nothing to queue
            return;
        }
        ReservationSnapshot reservation = snapshots.forSync(change.restaurantId(), change.reservationId())
                .orElseThrow(() -> new IllegalStateException("Reservation " + change.reservationId()
                        + " changed but cannot be read back"));
        RestaurantRef restaurant = restaurants.getForMachine(change.restaurantId());
        for (PushConnection connection : told) {
            enqueue(connection, restaurant, reservation);
        }
    }

    /**
     * What the writer keeps for the length of one transaction (a synchronization of it: a transaction suspended for
     * another has its own): the restaurants' enabled push connections, read once (a batch of POS events changes
     * many reservations of one restaurant), and the acknowledgements of POS systems' own news, written as one JDBC
     * batch before the commit, or before anything here reads a delivery state.
     */
    private final class TransactionWork implements TransactionSynchronization {

        private final Map<Long, List<PushConnection>> pushConnections = new HashMap<>();
        private final List<ReservationKey> acknowledged = new ArrayList<>();
        private final List<Long> versions = new ArrayList<>();

        void acknowledge(ReservationKey key, long version) {
            acknowledged.add(key);
            versions.add(version);
        }

        void writeAcknowledgements() {
            if (!acknowledged.isEmpty()) {
                store.acknowledgeAll(acknowledged, versions);
                acknowledged.clear();
                versions.clear();
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            writeAcknowledgements();
        }

        OutboxWriter writer() {
            return OutboxWriter.this;
        }
    }

    /** This transaction's work, begun on first use. */
    private TransactionWork work() {
        TransactionWork work = currentWork();
        if (work == null) {
            work = new TransactionWork();
            TransactionSynchronizationManager.registerSynchronization(work);
        }
        return work;
    }

    private TransactionWork currentWork() {
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof TransactionWork work && work.writer() == this) {
                return work;
            }
        }
        return null;
    }

    /** Acknowledgements still waiting for the commit, written now: a delivery state is about to be read. */
    private void flushAcknowledgements() {
        TransactionWork work = currentWork();
        if (work != null) {
            work.writeAcknowledgements();
        }
    }

    /**
     * Missed is final, except when staff un-park the reservation: from then on it travels again; the
     * {@link ReservationChanged} that follows in the same transaction queues it as upserted.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(MissedOverridden override) {
        flushAcknowledgements();
        store.forgetMissedDelivered(override.reservationId());
    }

    /**
     * A POS is not told what it reported itself (seated, finished, a walk-in): its event acknowledges the version
     * it produced. Only when it had everything before: a POS that still misses an earlier version gets the new one,
     * which carries that earlier change too.
     */
    private boolean isOwnNewsOfUpToDatePos(PushConnection connection, ReservationChanged change) {
        ReportedByPos reporter = change.reportedByPos();
        if (reporter == null || reporter.connectionId() != connection.connectionId()) {
            return false;
        }
        // a reservation the event created (a walk-in) has no delivery state yet: nothing to read
        DeliveryState state = DeliveryState.NOTHING;
        if (reporter.versionBefore() >= 0) {
            flushAcknowledgements();
            state = store.deliveryState(connection.connectionId(), change.reservationId());
        }
        if (state.missedDelivered() || state.ackedVersion() != reporter.versionBefore()) {
            return false;
        }
        // written with the others of this transaction, before its commit
        work().acknowledge(new ReservationKey(connection.connectionId(), change.reservationId()), change.version());
        return true;
    }

    /**
     * For the windows: these reservations of these connections, read fresh, queued where the POS lacks their
     * current version, in the caller's transaction. A page of them costs a query for the reservations, one for the
     * delivery states, one for what is queued already, and one batch of inserts.
     *
     * @param connections the connections the keys name, by id
     * @param restaurants their restaurants, by id
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Map<ReservationKey, EnqueueResult> reconcile(List<ReservationKey> keys, Map<Long, PushConnection> connections,
            Map<Long, RestaurantRef> restaurants) {
        Map<Long, ReservationSnapshot> reservations = snapshots.forSync(restaurants.keySet(),
                keys.stream().map(ReservationKey::reservationId).collect(Collectors.toSet()));
        flushAcknowledgements();
        Map<ReservationKey, DeliveryState> states = store.deliveryStates(keys);
        Map<ReservationKey, QueuedVersion> latest = store.latest(keys);
        var queued = new ArrayList<QueuedMessage>();
        var results = new HashMap<ReservationKey, EnqueueResult>();
        var tablesByConnection = new HashMap<Long, Function<ReservationSnapshot, String>>();
        Instant now = clock.instant();
        for (ReservationKey key : keys) {
            PushConnection connection = connections.get(key.connectionId());
            ReservationSnapshot reservation = reservations.get(key.reservationId());
            // each reservation only ever for a connection of its own restaurant
            boolean gone = reservation == null || reservation.restaurantId() != connection.restaurantId();
            results.put(key, gone ? EnqueueResult.UNCHANGED
                    : enqueue(connection, restaurants.get(connection.restaurantId()), reservation,
                            tablesByConnection.computeIfAbsent(connection.connectionId(),
                                    id -> tables(connection, keys, reservations)),
                            states.getOrDefault(key, DeliveryState.NOTHING), latest.get(key), now, queued::add));
        }
        store.insert(queued);
        return results;
    }

    /** A change: its reservation, as the POS must now hear of it, queued at once, and the relay kicked after the commit. */
    private void enqueue(PushConnection connection, RestaurantRef restaurant, ReservationSnapshot reservation) {
        var key = new ReservationKey(connection.connectionId(), reservation.id());
        flushAcknowledgements();
        enqueue(connection, restaurant, reservation, tables(connection, List.of(reservation)),
                store.deliveryState(key.connectionId(), key.reservationId()),
                store.latest(List.of(key)).get(key), clock.instant(), message -> {
                    store.insert(List.of(message));
                    events.publishEvent(new WebhookQueued(connection.connectionId()));
                });
    }

    /**
     * Missed is final: once delivered as missed, nothing more. A version the POS acknowledged, or one already
     * queued, is not queued again; one that failed for good waits for a replay instead of being retried here.
     *
     * @param tables the table to send with a reservation, or null ({@link #tables})
     * @param latest the newest message of this reservation for this connection that counts; null: none
     * @param queue  takes the new message, if any
     */
    private EnqueueResult enqueue(PushConnection connection, RestaurantRef restaurant, ReservationSnapshot reservation,
            Function<ReservationSnapshot, String> tables, DeliveryState state, QueuedVersion latest, Instant now,
            Consumer<QueuedMessage> queue) {
        long connectionId = connection.connectionId();
        if (state.missedDelivered() || state.ackedVersion() >= reservation.version()) {
            return EnqueueResult.UNCHANGED;
        }
        if (latest != null && latest.version() >= reservation.version()) {
            return switch (latest.status()) {
                case FAILED -> EnqueueResult.FAILED;
                case PENDING, DELIVERED, SUPERSEDED -> EnqueueResult.UNCHANGED;
            };
        }
        MessageType type = WireFormat.typeOf(reservation.status());
        // nothing older can wait unless the newest counting message does: spare the hot path a statement
        if (latest != null && latest.status() == OutboxStatus.PENDING) {
            store.supersedeOlderPending(connectionId, reservation.id(), reservation.version(), now);
        }
        queue.accept(new QueuedMessage(restaurant.id(), connectionId, reservation.id(), reservation.version(), type,
                "msg_" + UUID.randomUUID(), wire.body(type, restaurant, reservation, tables.apply(reservation)), now));
        return type == MessageType.MISSED ? EnqueueResult.MISSED : EnqueueResult.SENT;
    }

    /** {@link #tables(PushConnection, Collection)} for the connection's reservations among the page's keys. */
    private Function<ReservationSnapshot, String> tables(PushConnection connection, List<ReservationKey> keys,
            Map<Long, ReservationSnapshot> reservations) {
        return tables(connection, keys.stream()
                .filter(key -> key.connectionId() == connection.connectionId())
                .map(key -> reservations.get(key.reservationId()))
                .filter(reservation -> reservation != null && reservation.restaurantId() == connection.restaurantId())
                .toList());
    }

    /**
     * The table each of these reservations travels with to the connection (PROTOCOL: the POS's name, after
     * mapping): the POS name linked to its dining table, else the table's own name; none to a POS that takes no
     * table assignments. One query for them all.
     */
    private Function<ReservationSnapshot, String> tables(PushConnection connection,
            Collection<ReservationSnapshot> reservations) {
        boolean takesTables = catalogue.byCode(connection.partnerCode())
                .map(PartnerDescriptor::takesTableAssignments).orElse(false);
        List<Long> tableIds = reservations.stream().map(ReservationSnapshot::tableId).filter(id -> id != null)
                .toList();
        if (!takesTables || tableIds.isEmpty()) {
            return reservation -> null;
        }
        Map<Long, String> linked = tableNames.linkedPosNames(connection.restaurantId(), connection.connectionId(),
                tableIds);
        return reservation -> reservation.tableId() == null ? null
                : linked.getOrDefault(reservation.tableId(), reservation.tableName());
    }
}
