package io.passerelle.sync;

import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.PushConnection;
import io.passerelle.partner.PartnerCatalogue;
import io.passerelle.partner.PartnerDescriptor;
import io.passerelle.reservation.ReservationChanged;
import io.passerelle.reservation.ReservationChanged.ReportedByPos;
import io.passerelle.reservation.ReservationSnapshot;
import io.passerelle.reservation.ReservationSnapshots;
import io.passerelle.restaurant.RestaurantRef;
import io.passerelle.restaurant.RestaurantService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

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
    private final Clock clock;

    OutboxWriter(OutboxStore store, ConnectionService connections, ReservationSnapshots snapshots,
            RestaurantService restaurants, PartnerCatalogue catalogue, WireFormat wire, Clock clock) {
        this.store = store;
        this.connections = connections;
        this.snapshots = snapshots;
        this.restaurants = restaurants;
        this.catalogue = catalogue;
        this.wire = wire;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ReservationChanged change) {
        List<PushConnection> pushConnections = connections.enabledPushConnections(change.restaurantId());
        if (pushConnections.isEmpty()) {
            return;
        }
        ReservationSnapshot reservation = snapshots.forSync(change.restaurantId(), change.reservationId())
                .orElseThrow(() -> new IllegalStateException("Reservation " + change.reservationId()
                        + " changed but cannot be read back"));
        RestaurantRef restaurant = restaurants.getForMachine(change.restaurantId());
        for (PushConnection connection : pushConnections) {
            if (!isOwnNewsOfUpToDatePos(connection, change)) {
                enqueue(connection, restaurant, reservation);
            }
        }
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
        DeliveryState state = store.deliveryState(connection.connectionId(), change.reservationId());
        if (state.missedDelivered() || state.ackedVersion() != reporter.versionBefore()) {
            return false;
        }
        store.acknowledge(connection.connectionId(), change.reservationId(), change.version(), false, clock.instant());
        return true;
    }

    /** For the windows: in its own transaction, the reservation read fresh. */
    @Transactional
    EnqueueResult reconcile(PushConnection connection, RestaurantRef restaurant, long reservationId) {
        Optional<ReservationSnapshot> reservation = snapshots.forSync(restaurant.id(), reservationId);
        return reservation.map(snapshot -> enqueue(connection, restaurant, snapshot)).orElse(EnqueueResult.UNCHANGED);
    }

    /**
     * Missed is final: once delivered as missed, nothing more. A version the POS acknowledged, or one already
     * queued, is not queued again; one that failed for good waits for a replay instead of being retried here.
     */
    private EnqueueResult enqueue(PushConnection connection, RestaurantRef restaurant, ReservationSnapshot reservation) {
        long connectionId = connection.connectionId();
        DeliveryState state = store.deliveryState(connectionId, reservation.id());
        if (state.missedDelivered() || state.ackedVersion() >= reservation.version()) {
            return EnqueueResult.UNCHANGED;
        }
        var latest = store.latest(connectionId, reservation.id());
        if (latest.isPresent() && latest.get().reservationVersion() >= reservation.version()) {
            return switch (latest.get().status()) {
                case FAILED -> EnqueueResult.FAILED;
                case PENDING, DELIVERED, SUPERSEDED -> EnqueueResult.UNCHANGED;
            };
        }
        MessageType type = WireFormat.typeOf(reservation.status());
        Instant now = clock.instant();
        // nothing older can wait unless the newest counting message does: spare the hot path a statement
        if (latest.isPresent() && latest.get().status() == OutboxStatus.PENDING) {
            store.supersedeOlderPending(connectionId, reservation.id(), reservation.version(), now);
        }
        store.insert(restaurant.id(), connectionId, reservation.id(), reservation.version(), type,
                "msg_" + UUID.randomUUID(), wire.body(type, restaurant, reservation, takesTables(connection)), now);
        return type == MessageType.MISSED ? EnqueueResult.MISSED : EnqueueResult.SENT;
    }

    private boolean takesTables(PushConnection connection) {
        return catalogue.byCode(connection.partnerCode()).map(PartnerDescriptor::takesTableAssignments).orElse(false);
    }
}
