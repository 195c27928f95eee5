package io.passerelle.reservation;

import io.passerelle.restaurant.RestaurantAccess;
import io.passerelle.restaurant.RestaurantRef;
import io.passerelle.restaurant.RestaurantService;
import io.passerelle.security.AppRole;
import io.passerelle.security.CurrentUser;
import io.passerelle.shared.NotFoundException;
import io.passerelle.shared.RuleViolationException;
import io.passerelle.shared.UserFacingException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The reservation book of one restaurant at a time, for the people allowed to see it. Every change
 * bumps the reservation's version and publishes a {@link ReservationChanged} with that version.
 */
@Service
@Validated
public class ReservationService {

    public static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
    public static final Sort BY_START = Sort.by(Sort.Order.asc("start"), Sort.Order.asc("id"));
    private static final String STAFF = "hasAnyRole('ONBOARDING', 'ADMIN')";

    private final ReservationRepository reservations;
    private final GuestRepository guests;
    private final DiningTableRepository tables;
    private final RestaurantService restaurants;
    private final RestaurantAccess access;
    private final MissedOverrideRepository overrides;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final Clock clock;

    ReservationService(ReservationRepository reservations, GuestRepository guests, DiningTableRepository tables,
            MissedOverrideRepository overrides, RestaurantService restaurants, RestaurantAccess access,
            ApplicationEventPublisher events, CurrentUser currentUser, Clock clock) {
        this.reservations = reservations;
        this.guests = guests;
        this.tables = tables;
        this.restaurants = restaurants;
        this.access = access;
        this.overrides = overrides;
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Newest first unless the pageable asks for another order (e.g. {@link #BY_START}). */
    @Transactional(readOnly = true)
    public Page<Reservation> page(long restaurantId, ReservationFilter filter, Pageable pageable) {
        ZoneId zone = restaurants.get(restaurantId).timeZone();
        Instant from = filter.from() == null ? null : filter.from().atStartOfDay(zone).toInstant();
        Instant to = filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(zone).toInstant();
        return reservations.findAll(ReservationRepository.matching(restaurantId, from, to, filter),
                withDefaultOrder(pageable));
    }

    @Transactional(readOnly = true)
    public Reservation get(long restaurantId, long reservationId) {
        access.check(restaurantId);
        return find(restaurantId, reservationId);
    }

    @Transactional
    public Reservation create(@Valid CreateReservation command) {
        RestaurantRef restaurant = restaurants.get(command.restaurantId());
        ReservationDetails details = command.details();
        checkStart(details.start(), restaurant.timeZone());
        Instant now = clock.instant();
        var reservation = new Reservation(restaurant.id(), ReservationSource.BOOKING, ReservationStatus.PENDING, now);
        reservation.edit(details.start(), details.partySize(), details.notes(),
                table(restaurant.id(), details.tableId()), guest(restaurant.id(), details.guestId()), now);
        reservations.save(reservation);
        flushAndPublish(reservation);
        return reservation;
    }

    /** Refused when the reservation changed since the editor loaded {@code command.version()}. */
    @Transactional
    public Reservation update(@Valid UpdateReservation command) {
        RestaurantRef restaurant = restaurants.get(command.restaurantId());
        Reservation reservation = find(restaurant.id(), command.reservationId());
        if (reservation.getVersion() != command.version()) {
            throw conflict();
        }
        ReservationDetails details = command.details();
        if (!details.start().equals(reservation.getStart())) {
            checkStart(details.start(), restaurant.timeZone());
        }
        boolean changed = reservation.edit(details.start(), details.partySize(), details.notes(),
                table(restaurant.id(), details.tableId()), guest(restaurant.id(), details.guestId()), clock.instant());
        if (changed) {
            flushAndPublish(reservation);
        }
        return reservation;
    }

    /** Moves the reservation along {@link ReservationStatus}'s table; any other move is a rule violation. */
    @Transactional
    public Reservation changeStatus(long restaurantId, long reservationId, @NotNull ReservationStatus newStatus) {
        access.check(restaurantId);
        Reservation reservation = find(restaurantId, reservationId);
        reservation.changeStatus(newStatus, clock.instant());
        flushAndPublish(reservation);
        return reservation;
    }

    /**
     * Un-parks a missed reservation (cancelled by mistake, a no-show who came after all): back to PENDING or
     * CONFIRMED outside the state machine, audited, and synced again from then on as a normal reservation. Staff
     * only: it undoes what the POS was told was final.
     */
    @PreAuthorize(STAFF)
    @Transactional
    public Reservation overrideMissed(@Valid OverrideMissed command) {
        access.check(command.restaurantId());
        Reservation reservation = find(command.restaurantId(), command.reservationId());
        ReservationStatus missed = reservation.getStatus();
        Instant now = clock.instant();
        reservation.restoreFromMissed(command.restoreTo(), now);
        overrides.save(new MissedOverride(reservation, currentUser.require().getUsername(), now, missed,
                command.reason().strip()));
        // the row written before the sync engine forgets the missed delivery: a relay batch recording one holds the
        // row in share mode, so the forgetting waits for its mark to be committed (and then clears it)
        flush();
        // first, so that the sync engine has forgotten the missed delivery when it hears of the change
        events.publishEvent(new MissedOverridden(reservation.getRestaurantId(), reservation.getId()));
        flushAndPublish(reservation);
        return reservation;
    }

    /** Whether the caller may {@link #overrideMissed un-park} missed reservations. */
    public boolean mayOverrideMissed() {
        return currentUser.get().map(user -> user.role() == AppRole.ONBOARDING || user.role() == AppRole.ADMIN)
                .orElse(false);
    }

    /** The un-parkings of this reservation, newest first. */
    @Transactional(readOnly = true)
    public List<MissedOverride> missedOverrides(long restaurantId, long reservationId) {
        access.check(restaurantId);
        return overrides.findByRestaurantIdAndReservationIdOrderByOccurredAtDescIdDesc(restaurantId, reservationId);
    }

    private Reservation find(long restaurantId, long reservationId) {
        return reservations.findByIdAndRestaurantId(reservationId, restaurantId)
                .orElseThrow(() -> NotFoundException.forId("Reservation", reservationId));
    }

    private DiningTable table(long restaurantId, Long tableId) {
        return tableId == null ? null : tables.findByIdAndRestaurantId(tableId, restaurantId)
                .orElseThrow(() -> NotFoundException.forId("Table", tableId));
    }

    private Guest guest(long restaurantId, Long guestId) {
        return guestId == null ? null : guests.findByIdAndRestaurantId(guestId, restaurantId)
                .orElseThrow(() -> NotFoundException.forId("Guest", guestId));
    }

    /** The arguments are the first and last acceptable days, in the restaurant's time zone. */
    private void checkStart(Instant start, ZoneId zone) {
        ZonedDateTime now = clock.instant().atZone(zone);
        ZonedDateTime earliest = now.minusYears(Reservation.START_MAX_YEARS_IN_PAST);
        ZonedDateTime latest = now.plusYears(Reservation.START_MAX_YEARS_AHEAD);
        if (start.isBefore(earliest.toInstant()) || start.isAfter(latest.toInstant())) {
            throw new RuleViolationException("start", "reservation.error.start-out-of-range",
                    "The start must lie between " + earliest + " and " + latest,
                    earliest.toLocalDate(), latest.toLocalDate());
        }
    }

    /** Flushing applies the @Version increment, so the event carries the version the change produced. */
    private void flushAndPublish(Reservation reservation) {
        flush();
        events.publishEvent(new ReservationChanged(reservation.getRestaurantId(), reservation.getId(),
                reservation.getVersion()));
    }

    private void flush() {
        try {
            reservations.flush();
        } catch (OptimisticLockingFailureException concurrentChange) {
            throw conflict();
        }
    }

    private static UserFacingException conflict() {
        return new UserFacingException(null, "error.conflict", "The reservation changed in the meantime");
    }

    /**
     * Newest first when unsorted; otherwise the requested order with the id as tie-breaker, so that rows
     * sharing a start time (every 20:00 booking) keep one order across pages and none is skipped or repeated.
     */
    private static Pageable withDefaultOrder(Pageable pageable) {
        Sort sort = pageable.getSort();
        if (sort.isSorted()) {
            Sort stable = sort.getOrderFor("id") == null ? sort.and(Sort.by("id")) : sort;
            return pageable.isPaged() ? PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), stable)
                    : Pageable.unpaged(stable);
        }
        return pageable.isPaged()
                ? PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), NEWEST_FIRST)
                : Pageable.unpaged(NEWEST_FIRST);
    }
}
