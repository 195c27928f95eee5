package io.passerelle.reservation;

import io.passerelle.reservation.Drift.Field;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
    private final WalkInMergeRepository merges;
    private final RestaurantService restaurants;
    private final RestaurantAccess access;
    private final CurrentUser currentUser;
    private final WalkInSettings walkIns;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DriftService(ReservationRepository reservations, PosOrderRepository orders, WalkInMergeRepository merges,
            RestaurantService restaurants, RestaurantAccess access, CurrentUser currentUser, WalkInSettings walkIns,
            ApplicationEventPublisher events, Clock clock) {
        this.reservations = reservations;
        this.orders = orders;
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
        List<Reservation> nearby = reservations.findUnmergedStartingBetween(restaurantId,
                start.minus(walkIns.matchAfter()), end.plus(walkIns.matchBefore()));
        List<Reservation> inPeriod = nearby.stream()
                .filter(reservation -> !reservation.getStart().isBefore(start) && reservation.getStart().isBefore(end))
                .toList();
        return new DriftReport(drifts(inPeriod, lastOrders(restaurantId, start, end)), duplicates(inPeriod, nearby));
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
        int counted = 0;
        for (PosOrder order : moved) {
            order.attachTo(reservationId);
            // a walk-in has no guest: its closed bills were counted for nobody yet
            if (order.isClosed() && reservation.getGuest() != null) {
                reservation.getGuest().recordVisit(order.getCovers(), order.getTotalAmount(), now);
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
        Map<Long, PosOrder> last = new LinkedHashMap<>();
        // oldest first: a later order replaces an earlier one
        for (PosOrder order : orders.findOfReservationsStartingBetween(restaurantId, start, end)) {
            last.put(order.getReservationId(), order);
        }
        return last;
    }

    private static List<Drift> drifts(List<Reservation> inPeriod, Map<Long, PosOrder> lastOrders) {
        List<Drift> drifts = new ArrayList<>();
        for (Reservation reservation : inPeriod) {
            PosOrder order = lastOrders.get(reservation.getId());
            if (order == null) {
                continue;
            }
            ReservationStatus reported = order.isClosed() ? ReservationStatus.FINISHED : ReservationStatus.ARRIVED;
            if (reservation.getStatus() != reported) {
                drifts.add(drift(reservation, Field.STATUS, reservation.getStatus().name(), reported.name()));
            }
            String table = tableName(reservation);
            if (order.getTableName() != null && !sameTableName(table, order.getTableName())) {
                drifts.add(drift(reservation, Field.TABLE, table, order.getTableName()));
            }
            if (order.getCovers() != null && order.getCovers() != reservation.getPartySize()) {
                drifts.add(drift(reservation, Field.COVERS, String.valueOf(reservation.getPartySize()),
                        String.valueOf(order.getCovers())));
            }
        }
        return drifts;
    }

    /** The dining table's name, or the POS's name for a reservation it seated at a table Passerelle does not know. */
    private static String tableName(Reservation reservation) {
        return reservation.getTable() != null ? reservation.getTable().getName() : reservation.getPosTableName();
    }

    /** "t12" and "T12 " are the same table written twice; other spellings are for the table-name mapping. */
    private static boolean sameTableName(String platform, String pos) {
        return platform != null && normalized(platform).equals(normalized(pos));
    }

    private static String normalized(String tableName) {
        return tableName.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Drift drift(Reservation reservation, Field field, String platformValue, String posValue) {
        return new Drift(reservation.getId(), reservation.getStart(), guestName(reservation), field, platformValue,
                posValue);
    }

    /** Each walk-in of the period with the booking on its table whose start is nearest, when one matches. */
    private List<DuplicateWalkIn> duplicates(List<Reservation> inPeriod, List<Reservation> nearby) {
        List<DuplicateWalkIn> duplicates = new ArrayList<>();
        for (Reservation walkIn : inPeriod) {
            if (walkIn.getSource() != ReservationSource.WALK_IN || walkIn.getTable() == null) {
                continue;
            }
            bookingDuplicatedBy(walkIn, nearby).ifPresent(booking -> duplicates.add(new DuplicateWalkIn(
                    walkIn.getId(), walkIn.getStart(), walkIn.getPartySize(), walkIn.getStatus(),
                    walkIn.getTable().getName(), booking.getId(), booking.getStart(), guestName(booking),
                    booking.getPartySize(), booking.getStatus())));
        }
        return duplicates;
    }

    /** The same window that matches an opened order to a booking (see {@link WalkInSettings}). */
    private Optional<Reservation> bookingDuplicatedBy(Reservation walkIn, List<Reservation> nearby) {
        return nearby.stream()
                .filter(booking -> booking.getSource() == ReservationSource.BOOKING
                        && DUPLICABLE.contains(booking.getStatus())
                        && booking.getTable() != null
                        && Objects.equals(booking.getTable().getId(), walkIn.getTable().getId())
                        && !walkIn.getStart().isBefore(booking.getStart().minus(walkIns.matchBefore()))
                        && !walkIn.getStart().isAfter(booking.getStart().plus(walkIns.matchAfter())))
                .min(Comparator.comparing(booking -> Duration.between(booking.getStart(), walkIn.getStart()).abs()));
    }

    private static String guestName(Reservation reservation) {
        return reservation.getGuest() == null ? null : reservation.getGuest().getFullName();
    }
}
