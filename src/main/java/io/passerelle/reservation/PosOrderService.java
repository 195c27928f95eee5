package io.passerelle.reservation;

import io.passerelle.reservation.PosEventOutcome.Effect;
import io.passerelle.reservation.PosEventRejectedException.Reason;
import io.passerelle.reservation.ReservationChanged.ReportedByPos;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the POS reports, applied to the reservation book (DOMAIN rules 7-9). Machine side: there is no user; the
 * restaurant comes from the POS's authenticated connection and every query includes it, so an id of another
 * restaurant is "not found". Reservations and orders are read under a row lock, so two events about the same
 * order (a repeat, or two arriving at once) apply one after the other and the second sees the first's effect.
 */
@Service
public class PosOrderService {

    /** The version "before" a reservation this event created. */
    private static final long NEW = -1;

    private final ReservationRepository reservations;
    private final PosOrderRepository orders;
    private final WalkInInserts walkIns;
    private final DiningTableRepository tables;
    private final WalkInSettings walkInSettings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PosOrderService(ReservationRepository reservations, PosOrderRepository orders, WalkInInserts walkIns,
            DiningTableRepository tables, WalkInSettings walkInSettings, ApplicationEventPublisher events, Clock clock) {
        this.reservations = reservations;
        this.orders = orders;
        this.walkIns = walkIns;
        this.tables = tables;
        this.walkInSettings = walkInSettings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * {@code reservation.attached}, or {@code order.opened}: with a reservation, it becomes ARRIVED at the table;
     * without, the order is matched to a confirmed reservation on that table near its start, else a walk-in.
     *
     * @param connectionId the connection whose POS reported it
     */
    @Transactional
    public PosEventOutcome seat(long restaurantId, long connectionId, PosSeating seating) {
        return seat(restaurantId, connectionId, seating, true);
    }

    /**
     * {@link #seat}, where an order opened without a reservation is looked up first only if {@code orderMayBeKnown}:
     * for a caller that retries on a unique key. The same order opened again is rare; when it is, the new order's
     * insert meets the order's unique key ({@link org.springframework.dao.DataIntegrityViolationException}), the
     * caller's transaction rolls back, and its retry, looking first, answers that nothing changed.
     */
    @Transactional
    public PosEventOutcome seat(long restaurantId, long connectionId, PosSeating seating, boolean orderMayBeKnown) {
        if (seating.reservationId() == null) {
            Optional<PosOrder> known = orderMayBeKnown
                    ? orders.findByRestaurantIdAndExternalId(restaurantId, seating.orderId()) : Optional.empty();
            if (known.isPresent()) {
                // the same order opened again: never a second walk-in
                return noChange(known.get().getReservationId());
            }
            return openWithoutReservation(restaurantId, connectionId, seating);
        }
        Reservation reservation = lock(restaurantId, seating.reservationId());
        Optional<PosOrder> order = orders.findByRestaurantIdAndExternalId(restaurantId, seating.orderId());
        requireSameReservation(order, reservation);
        return attach(reservation, order.orElse(null), connectionId, seating, Effect.SEATED);
    }

    /**
     * {@code order.closed} / {@code order.paid_at_table}: the reservation becomes FINISHED with the bill, and its
     * guest's statistics count the bill, once per order however often the close is reported. A further bill of a
     * reservation (a second round, a split bill) is stored and counted too; a FINISHED reservation stays as it is.
     */
    @Transactional
    public PosEventOutcome close(long restaurantId, long connectionId, PosBill bill) {
        // The reservation first, then the order: every event takes the locks in this order.
        Reservation named = bill.reservationId() == null ? null : lock(restaurantId, bill.reservationId());
        Optional<PosOrder> known = orders.findByRestaurantIdAndExternalId(restaurantId, bill.orderId());
        if (known.isPresent() && known.get().isClosed()) {
            return noChange(known.get().getReservationId());
        }
        if (named != null) {
            requireSameReservation(known, named);
        }
        Reservation reservation = named != null ? named
                : known.map(PosOrder::getReservationId).map(id -> lock(restaurantId, id)).orElse(null);
        Instant now = clock.instant();
        boolean walkIn = reservation == null;
        long versionBefore = walkIn ? NEW : reservation.getVersion();
        if (walkIn) {
            // a bill the POS never reported opening, for no reservation: a walk-in, seated and finished at once
            reservation = reservations.save(Reservation.walkIn(restaurantId, bill.occurredAt(), bill.covers(), null,
                    null, now));
        } else {
            switch (reservation.getStatus()) {
                case CONFIRMED -> reservation.seat(null, null, null, now);
                case ARRIVED, FINISHED -> { }
                default -> throw notConfirmed(reservation);
            }
        }
        boolean finishes = reservation.getStatus() != ReservationStatus.FINISHED;
        if (finishes) {
            reservation.changeStatus(ReservationStatus.FINISHED, now);
        }
        List<PosOrder> earlierBills = reservation.getGuest() == null ? List.of()
                : orders.findByRestaurantIdAndReservationIdAndClosedAtIsNotNull(restaurantId, reservation.getId());
        PosOrder order = known.orElseGet(() -> new PosOrder(restaurantId, connectionId, bill.orderId(), null, null,
                null, null, bill.occurredAt(), now));
        order.attachTo(reservation.getId());
        order.close(bill.covers(), bill.total(), bill.currency(), bill.items(), bill.paymentId(), bill.occurredAt());
        orders.save(order);
        if (reservation.getGuest() != null) {
            reservation.getGuest().recordBill(order, earlierBills, now);
        }
        if (finishes) {
            // a further bill of a finished reservation changes nothing that travels: nothing to publish
            publish(reservation, new ReportedByPos(connectionId, versionBefore));
        }
        return new PosEventOutcome(walkIn ? Effect.WALK_IN_CREATED : Effect.FINISHED, reservation.getId(), false);
    }

    /** The orders the POS reported for a reservation, oldest first. */
    @Transactional(readOnly = true)
    public List<PosOrder> ordersOf(long restaurantId, long reservationId) {
        return orders.findByRestaurantIdAndReservationIdOrderByIdAsc(restaurantId, reservationId);
    }

    private PosEventOutcome openWithoutReservation(long restaurantId, long connectionId, PosSeating seating) {
        Optional<DiningTable> table = table(restaurantId, seating);
        if (table.isPresent()) {
            Instant opened = seating.occurredAt();
            var nearby = reservations.findOnTableStartingBetween(restaurantId, table.get().getId(),
                    ReservationStatus.CONFIRMED, opened.minus(walkInSettings.matchAfter()),
                    opened.plus(walkInSettings.matchBefore()));
            Optional<Reservation> nearest = nearby.stream()
                    .min(Comparator.comparing(r -> Duration.between(r.getStart(), opened).abs()));
            if (nearest.isPresent()) {
                return attach(lock(restaurantId, nearest.get().getId()), null, connectionId, seating, Effect.MATCHED);
            }
        }
        Instant now = clock.instant();
        int partySize = seating.covers() == null ? Reservation.MIN_PARTY_SIZE : seating.covers();
        Reservation walkIn = Reservation.walkIn(restaurantId, seating.occurredAt(), partySize, table.orElse(null),
                seating.table(), now);
        long walkInId = walkIns.insert(walkIn);
        walkIns.insert(new PosOrder(restaurantId, connectionId, seating.orderId(), walkInId, seating.table(),
                table.orElse(null), seating.covers(), seating.occurredAt(), now));
        // inserted as it is (nothing to flush): its first version
        events.publishEvent(new ReservationChanged(restaurantId, walkInId, walkIn.getVersion(),
                new ReportedByPos(connectionId, NEW)));
        return new PosEventOutcome(Effect.WALK_IN_CREATED, walkInId, seating.table() != null && table.isEmpty());
    }

    private PosEventOutcome attach(Reservation reservation, PosOrder order, long connectionId, PosSeating seating,
            Effect effect) {
        boolean seatedBefore = switch (reservation.getStatus()) {
            case CONFIRMED -> false;
            case ARRIVED, FINISHED -> true;
            default -> throw notConfirmed(reservation);
        };
        if (seatedBefore && order != null) {
            // the same order again: the POS repeating itself, or late
            return noChange(reservation.getId());
        }
        Instant now = clock.instant();
        long versionBefore = reservation.getVersion();
        Optional<DiningTable> table = table(reservation.getRestaurantId(), seating);
        if (order == null) {
            orders.save(new PosOrder(reservation.getRestaurantId(), connectionId, seating.orderId(),
                    reservation.getId(), seating.table(), table.orElse(null), seating.covers(), seating.occurredAt(),
                    now));
        } else {
            order.attachTo(reservation.getId());
        }
        // A further order of a party seated before (a second round, a split bill) is only stored: the reservation
        // keeps its status and table.
        if (!seatedBefore) {
            reservation.seat(table.orElse(null), seating.table(), seating.room(), now);
            publish(reservation, new ReportedByPos(connectionId, versionBefore));
        }
        return new PosEventOutcome(effect, reservation.getId(), seating.table() != null && table.isEmpty());
    }

    /**
     * By primary key, then the tenant checked: Hibernate's loader for an id is planned once, where the repository's
     * query with an entity graph (the room, which a seating never reads) was translated to SQL again on every call.
     */
    private Optional<DiningTable> table(long restaurantId, PosSeating seating) {
        return seating.tableId() == null ? Optional.empty()
                : tables.findById(seating.tableId()).filter(table -> table.getRestaurantId() == restaurantId);
    }

    private Reservation lock(long restaurantId, long reservationId) {
        return reservations.lockByIdAndRestaurantId(reservationId, restaurantId)
                .orElseThrow(() -> new PosEventRejectedException(Reason.RESERVATION_NOT_FOUND, null,
                        "No reservation with this id"));
    }

    private static void requireSameReservation(Optional<PosOrder> order, Reservation reservation) {
        Long attached = order.map(PosOrder::getReservationId).orElse(null);
        if (attached != null && !attached.equals(reservation.getId())) {
            throw new PosEventRejectedException(Reason.ORDER_OF_ANOTHER_RESERVATION, reservation.getId(),
                    "This order belongs to another reservation");
        }
    }

    private static PosEventRejectedException notConfirmed(Reservation reservation) {
        return new PosEventRejectedException(Reason.RESERVATION_NOT_CONFIRMED, reservation.getId(),
                "Only a confirmed reservation can be seated; this one is " + reservation.getStatus());
    }

    private static PosEventOutcome noChange(Long reservationId) {
        return new PosEventOutcome(Effect.NO_CHANGE, reservationId, false);
    }

    /**
     * Flushing applies the @Version increment, so the event carries the version the change produced; and who
     * reported it, so that the sync engine does not echo a POS's own news back to it.
     */
    private void publish(Reservation reservation, ReportedByPos reportedBy) {
        reservations.flush();
        events.publishEvent(new ReservationChanged(reservation.getRestaurantId(), reservation.getId(),
                reservation.getVersion(), reportedBy));
    }
}
