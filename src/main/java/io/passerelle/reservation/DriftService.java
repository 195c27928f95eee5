package io.passerelle.reservation;

import io.passerelle.reservation.Drift.Field;
import io.passerelle.reservation.DuplicateWalkIn.Match;
import io.passerelle.restaurant.RestaurantAccess;
import io.passerelle.restaurant.RestaurantRef;
import io.passerelle.restaurant.RestaurantService;
import io.passerelle.security.AppRole;
import io.passerelle.security.CurrentUser;
import io.passerelle.security.PasserelleUser;
import io.passerelle.shared.NotFoundException;
import io.passerelle.shared.RuleViolationException;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Where Passerelle and the POS disagree about a restaurant's reservations, and the walk-ins that probably duplicate a
 * booking; staff merge such a walk-in into its booking. What the POS "last reported" about a reservation is its
 * latest order: open means seated, closed means finished, with the order's table name and covers.
 */
@Service
@Validated
public class DriftService {

    /** A report lists a period's rows at once: bounded so that it stays a screenful of work, not a data dump. */
    public static final int MAX_PERIOD_DAYS = 31;
    private static final Set<AppRole> MERGERS = EnumSet.of(AppRole.ONBOARDING, AppRole.ADMIN,
            AppRole.RESELLER_SUPPORT);
    private static final Set<ReservationStatus> DUPLICABLE = EnumSet.of(ReservationStatus.CONFIRMED,
            ReservationStatus.ARRIVED);

    private final ReservationRepository reservations;
    private final PosOrderRepository orders;
    private final DiningTableRepository tables;
    private final WalkInMergeRepository merges;
    private final RestaurantService restaurants;
    private final RestaurantAccess access;
    private final CurrentUser currentUser;
    private final WalkInSettings walkIns;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DriftService(ReservationRepository reservations, PosOrderRepository orders, DiningTableRepository tables,
            WalkInMergeRepository merges, RestaurantService restaurants, RestaurantAccess access,
            CurrentUser currentUser, WalkInSettings walkIns,
            ApplicationEventPublisher events, Clock clock) {
        this.reservations = reservations;
        this.orders = orders;
        this.tables = tables;
        this.merges = merges;
        this.restaurants = restaurants;
        this.access = access;
        this.currentUser = currentUser;
        this.walkIns = walkIns;
        this.events = events;
        this.clock = clock;
    }

    /** The drift of reservations starting in [from, to] (days in the restaurant's time zone), by start. */
    @Transactional(readOnly = true)
    public DriftReport report(long restaurantId, @NotNull LocalDate from, @NotNull LocalDate to) {
        RestaurantRef restaurant = restaurants.get(restaurantId);
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days < 1 || days > MAX_PERIOD_DAYS) {
            throw new RuleViolationException("to", "drift.error.period",
                    "Choose a period of 1 to " + MAX_PERIOD_DAYS + " days", MAX_PERIOD_DAYS);
        }
        ZoneId zone = restaurant.timeZone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        // bookings a little outside the period still match walk-ins inside it
        Instant nearbyStart = start.minus(walkIns.matchAfter());
        Instant nearbyEnd = end.plus(walkIns.matchBefore());
        List<Reservation> nearby = reservations.findUnmergedStartingBetween(restaurantId, nearbyStart, nearbyEnd);
        List<Reservation> inPeriod = nearby.stream()
                .filter(reservation -> !reservation.getStart().isBefore(start) && reservation.getStart().isBefore(end))
                .toList();
        var reported = new Reported(lastOrders(restaurantId, nearbyStart, nearbyEnd), tableNames(restaurantId));
        return new DriftReport(drifts(inPeriod, reported), duplicates(inPeriod, nearby, reported));
    }

    /** Whether the caller may merge walk-ins: staff who support restaurants, not owners. */
    public boolean mayMerge() {
        return currentUser.get().map(PasserelleUser::role).filter(MERGERS::contains).isPresent();
    }

    /**
     * Merges a duplicate walk-in into the booking: the walk-in's orders move to the booking, which takes its table
     * and its status (seated, or finished); closed bills not yet counted for anyone count for the booking's guest.
     * The walk-in stays, marked merged. Merging the same pair again changes nothing.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ONBOARDING', 'ADMIN', 'RESELLER_SUPPORT')")
    public Reservation merge(long restaurantId, long walkInId, long reservationId) {
        access.check(restaurantId);
        // both locked, the lower id first, so that two merges never wait on each other crosswise
        Reservation first = lock(restaurantId, Math.min(walkInId, reservationId));
        Reservation second = lock(restaurantId, Math.max(walkInId, reservationId));
        Reservation walkIn = first.getId() == walkInId ? first : second;
        Reservation reservation = first.getId() == walkInId ? second : first;
        if (walkIn.getMergedIntoId() != null) {
            if (walkIn.getMergedIntoId() == reservationId) {
                return reservation;
            }
            throw new RuleViolationException(null, "drift.error.already-merged",
                    "This walk-in was merged into another reservation");
        }
        checkMergeable(walkIn, reservation);
        Instant now = clock.instant();
        List<PosOrder> moved = orders.findByRestaurantIdAndReservationIdOrderByIdAsc(restaurantId, walkInId);
        // read before the walk-in's orders move: the booking's own bills, counted already
        List<PosOrder> countedBills = new ArrayList<>(
                orders.findByRestaurantIdAndReservationIdAndClosedAtIsNotNull(restaurantId, reservationId));
        int counted = 0;
        for (PosOrder order : moved) {
            order.attachTo(reservationId);
            // a walk-in has no guest: its closed bills were counted for nobody yet
            if (order.isClosed() && reservation.getGuest() != null) {
                reservation.getGuest().recordBill(order, countedBills, now);
                countedBills.add(order);
                counted++;
            }
        }
        reservation.absorb(walkIn, now);
        walkIn.markMergedInto(reservationId, now);
        merges.save(new WalkInMerge(walkIn, reservation, currentUser.require().getUsername(), now, moved.size(),
                counted));
        // flushing applies the @Version increment, so the event carries the version the merge produced
        reservations.flush();
        events.publishEvent(new ReservationChanged(restaurantId, reservationId, reservation.getVersion()));
        return reservation;
    }

    private Reservation lock(long restaurantId, long reservationId) {
        return reservations.lockByIdAndRestaurantId(reservationId, restaurantId)
                .orElseThrow(() -> NotFoundException.forId("Reservation", reservationId));
    }

    private static void checkMergeable(Reservation walkIn, Reservation reservation) {
        if (walkIn.getSource() != ReservationSource.WALK_IN || walkIn.getGuest() != null) {
            throw new RuleViolationException(null, "drift.error.not-a-walk-in",
                    "Only a walk-in without a guest can be merged into a reservation");
        }
        if (reservation.getSource() != ReservationSource.BOOKING || reservation.getMergedIntoId() != null
                || !DUPLICABLE.contains(reservation.getStatus())) {
            throw new RuleViolationException(null, "drift.error.not-mergeable", "A walk-in can be merged only "
                    + "into a confirmed or seated booking; this one is " + reservation.getStatus(),
                    reservation.getStatus());
        }
    }

    /** The latest order of each reservation starting in [start, end). */
    private Map<Long, PosOrder> lastOrders(long restaurantId, Instant start, Instant end) {
        Map<Long, PosOrder> last = new HashMap<>();
        // oldest first: a later order replaces an earlier one
        for (PosOrder order : orders.findOfReservationsStartingBetween(restaurantId, start, end)) {
            last.put(order.getReservationId(), order);
        }
        return last;
    }

    private Map<Long, String> tableNames(long restaurantId) {
        return tables.findByRestaurantIdOrderByNameAsc(restaurantId).stream()
                .collect(Collectors.toMap(DiningTable::getId, DiningTable::getName));
    }

    private static List<Drift> drifts(List<Reservation> inPeriod, Reported reported) {
        List<Drift> drifts = new ArrayList<>();
        for (Reservation reservation : inPeriod) {
            PosOrder order = reported.lastOrders().get(reservation.getId());
            if (order == null) {
                continue;
            }
            ReservationStatus status = order.isClosed() ? ReservationStatus.FINISHED : ReservationStatus.ARRIVED;
            if (reservation.getStatus() != status) {
                drifts.add(drift(reservation, Field.STATUS, reservation.getStatus().name(), status.name()));
            }
            if (order.getTableName() != null && !sameTable(reservation, order)) {
                drifts.add(drift(reservation, Field.TABLE, tableName(reservation), reported.tableName(order)));
            }
            if (order.getCovers() != null && order.getCovers() != reservation.getPartySize()) {
                drifts.add(drift(reservation, Field.COVERS, String.valueOf(reservation.getPartySize()),
                        String.valueOf(order.getCovers())));
            }
        }
        return drifts;
    }

    /**
     * Tables compare by id: the reservation's dining table and the one the order's POS name stands for now (a
     * person's link, else the very same name). Without a dining table on either side, they agree only when the
     * reservation holds the POS's own name for it, as the POS reported it.
     */
    private static boolean sameTable(Reservation reservation, PosOrder order) {
        if (reservation.getTable() != null && order.getDiningTableId() != null) {
            return reservation.getTable().getId().equals(order.getDiningTableId());
        }
        return reservation.getTable() == null && order.getTableName().equals(reservation.getPosTableName());
    }

    /** The dining table's name, or the POS's name for a reservation it seated at a table Passerelle does not know. */
    private static String tableName(Reservation reservation) {
        return reservation.getTable() != null ? reservation.getTable().getName() : reservation.getPosTableName();
    }

    private static Drift drift(Reservation reservation, Field field, String platformValue, String posValue) {
        return new Drift(reservation.getId(), reservation.getStart(), guestName(reservation), field, platformValue,
                posValue);
    }

    /**
     * Each walk-in of the period with the booking it probably duplicates, when one matches: on its table, the booking
     * whose start is nearest; on no known table, only an unambiguous pair (see {@link #duplicatesByCovers}).
     */
    private List<DuplicateWalkIn> duplicates(List<Reservation> inPeriod, List<Reservation> nearby, Reported reported) {
        List<DuplicateWalkIn> duplicates = new ArrayList<>();
        List<Reservation> withoutTable = new ArrayList<>();
        for (Reservation walkIn : inPeriod) {
            if (walkIn.getSource() != ReservationSource.WALK_IN) {
                continue;
            }
            Optional<Long> table = reported.tableOf(walkIn);
            if (table.isEmpty()) {
                withoutTable.add(walkIn);
                continue;
            }
            nearby.stream()
                    .filter(booking -> booking.getTable() != null && booking.getTable().getId().equals(table.get())
                            && duplicable(walkIn, booking))
                    .min(Comparator.comparing(booking -> Duration.between(booking.getStart(), walkIn.getStart()).abs()))
                    .ifPresent(booking -> duplicates.add(duplicate(walkIn, booking, Match.SAME_TABLE,
                            reported.tableNames().get(table.get()))));
        }
        Set<Long> paired = duplicates.stream().map(DuplicateWalkIn::reservationId).collect(Collectors.toSet());
        duplicates.addAll(duplicatesByCovers(withoutTable, nearby.stream()
                .filter(booking -> !paired.contains(booking.getId())).toList(), reported));
        duplicates.sort(Comparator.comparing(DuplicateWalkIn::walkInStart).thenComparing(DuplicateWalkIn::walkInId));
        return duplicates;
    }

    /**
     * A walk-in on no known table duplicates a booking only when nothing else explains either: the POS reported as
     * many covers as the booking's party size; the POS reported no order for the booking (one it seated sits at a
     * table of its own), nor did a walk-in on the booking's table duplicate it already; and neither has another such
     * partner within the matching window. Anything less is a busy evening, not a duplicate: a false alarm costs staff
     * more than a merge left undone.
     */
    private List<DuplicateWalkIn> duplicatesByCovers(List<Reservation> walkInsWithoutTable,
            List<Reservation> unpairedBookings, Reported reported) {
        Map<Reservation, List<Reservation>> candidates = new LinkedHashMap<>();
        Map<Long, Integer> claims = new HashMap<>();
        for (Reservation walkIn : walkInsWithoutTable) {
            PosOrder order = reported.lastOrders().get(walkIn.getId());
            if (order == null || order.getCovers() == null) {
                continue;
            }
            int covers = order.getCovers();
            List<Reservation> bookings = unpairedBookings.stream()
                    .filter(booking -> booking.getPartySize() == covers
                            && !reported.lastOrders().containsKey(booking.getId()) && duplicable(walkIn, booking))
                    .toList();
            candidates.put(walkIn, bookings);
            bookings.forEach(booking -> claims.merge(booking.getId(), 1, Integer::sum));
        }
        List<DuplicateWalkIn> duplicates = new ArrayList<>();
        candidates.forEach((walkIn, bookings) -> {
            if (bookings.size() == 1 && claims.get(bookings.getFirst().getId()) == 1) {
                duplicates.add(duplicate(walkIn, bookings.getFirst(), Match.SAME_COVERS, walkIn.getPosTableName()));
            }
        });
        return duplicates;
    }

    /**
     * A confirmed or seated booking whose walk-in matching window (see {@link WalkInSettings}) holds the walk-in's
     * opening: the same window that matches an opened order to a booking.
     */
    private boolean duplicable(Reservation walkIn, Reservation booking) {
        return booking.getSource() == ReservationSource.BOOKING
                && DUPLICABLE.contains(booking.getStatus())
                && !walkIn.getStart().isBefore(booking.getStart().minus(walkIns.matchBefore()))
                && !walkIn.getStart().isAfter(booking.getStart().plus(walkIns.matchAfter()));
    }

    private static DuplicateWalkIn duplicate(Reservation walkIn, Reservation booking, Match match, String tableName) {
        return new DuplicateWalkIn(walkIn.getId(), walkIn.getStart(), walkIn.getPartySize(), walkIn.getStatus(),
                tableName, match, booking.getId(), booking.getStart(), guestName(booking), booking.getPartySize(),
                booking.getStatus());
    }

    private static String guestName(Reservation reservation) {
        return reservation.getGuest() == null ? null : reservation.getGuest().getFullName();
    }

    /**
     * What the POS reported about the reservations near the period (the latest order of each), with the names of the
     * restaurant's dining tables, by id.
     */
    private record Reported(Map<Long, PosOrder> lastOrders, Map<Long, String> tableNames) {

        /** The dining table the order's POS name stands for, by its name; else the POS's own name. */
        String tableName(PosOrder order) {
            return order.getDiningTableId() == null ? order.getTableName()
                    : tableNames.getOrDefault(order.getDiningTableId(), order.getTableName());
        }

        /**
         * The walk-in's dining table: the one it was opened at, else the one its order's POS name stands for now
         * (linked after the walk-in arrived).
         */
        Optional<Long> tableOf(Reservation walkIn) {
            if (walkIn.getTable() != null) {
                return Optional.of(walkIn.getTable().getId());
            }
            return Optional.ofNullable(lastOrders.get(walkIn.getId())).map(PosOrder::getDiningTableId);
        }
    }
}
