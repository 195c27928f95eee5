package io.passerelle.reservation;

import io.passerelle.shared.SearchPattern;
import io.passerelle.restaurant.RestaurantAccess;
import io.passerelle.shared.NotFoundException;
import io.passerelle.shared.UserFacingException;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** A restaurant's guests and their profiles. */
@Service
@Validated
public class GuestService {

    public static final Sort BY_NAME = Sort.by("lastName", "firstName", "id");
    private static final List<ReservationStatus> MISSED = Arrays.stream(ReservationStatus.values())
            .filter(ReservationStatus::isMissed)
            .toList();

    /** Newest first: what the guest had last is what staff look for. */
    public static final Sort ORDERS_NEWEST_FIRST = Sort.by(Sort.Order.desc("openedAt"), Sort.Order.desc("id"));

    private final GuestRepository guests;
    private final ReservationRepository reservations;
    private final PosOrderRepository orders;
    private final RestaurantAccess access;
    private final Clock clock;

    GuestService(GuestRepository guests, ReservationRepository reservations, PosOrderRepository orders,
            RestaurantAccess access, Clock clock) {
        this.guests = guests;
        this.reservations = reservations;
        this.orders = orders;
        this.access = access;
        this.clock = clock;
    }

    /** Guests whose name, e-mail or mobile contains the text (any guest for blank text); by name unless sorted. */
    @Transactional(readOnly = true)
    public Page<Guest> page(long restaurantId, String text, Pageable pageable) {
        access.check(restaurantId);
        Pageable ordered = pageable.getSort().isSorted() || pageable.isUnpaged()
                ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), BY_NAME);
        return guests.search(restaurantId, SearchPattern.contains(text),
                SearchPattern.contains(GuestDetails.normalizeMobile(text)), ordered);
    }

    @Transactional(readOnly = true)
    public Guest get(long restaurantId, long guestId) {
        access.check(restaurantId);
        return find(restaurantId, guestId);
    }

    @Transactional(readOnly = true)
    public GuestProfile profile(long restaurantId, long guestId) {
        access.check(restaurantId);
        Guest guest = find(restaurantId, guestId);
        return new GuestProfile(guest, reservations.countByRestaurantIdAndGuestId(restaurantId, guestId),
                reservations.countByRestaurantIdAndGuestIdAndStatusIn(restaurantId, guestId, MISSED));
    }

    /** The orders of the guest's reservations, with their lines, as the POS sent them; newest first unless sorted. */
    @Transactional(readOnly = true)
    public Page<GuestOrder> orders(long restaurantId, long guestId, Pageable pageable) {
        access.check(restaurantId);
        find(restaurantId, guestId);
        Pageable ordered = pageable.getSort().isSorted() || pageable.isUnpaged()
                ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), ORDERS_NEWEST_FIRST);
        // the lines load here, in the transaction, a page's orders at a time
        return orders.findOfGuest(restaurantId, guestId, ordered).map(GuestOrder::of);
    }

    @Transactional
    public Guest create(@Valid CreateGuest command) {
        access.check(command.restaurantId());
        return guests.save(new Guest(command.restaurantId(), command.details(), clock.instant()));
    }

    @Transactional
    public Guest update(@Valid UpdateGuest command) {
        access.check(command.restaurantId());
        Guest guest = find(command.restaurantId(), command.guestId());
        if (guest.getVersion() != command.version()) {
            throw new UserFacingException(null, "error.conflict", "The guest changed in the meantime");
        }
        guest.update(command.details(), clock.instant());
        return guest;
    }

    private Guest find(long restaurantId, long guestId) {
        return guests.findByIdAndRestaurantId(guestId, restaurantId)
                .orElseThrow(() -> NotFoundException.forId("Guest", guestId));
    }
}
