package io.passerelle.reservation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Machine-side reads of the reservation book for the sync engine, which acts for the platform: no user,
 * so no tenant wall; every query is still bounded to the one restaurant it names.
 */
@Service
public class ReservationSnapshots {

    private final ReservationRepository reservations;

    ReservationSnapshots(ReservationRepository reservations) {
        this.reservations = reservations;
    }

    @Transactional(readOnly = true)
    public Optional<ReservationSnapshot> forSync(long restaurantId, long reservationId) {
        return reservations.findByIdAndRestaurantId(reservationId, restaurantId).map(ReservationSnapshot::of);
    }

    /**
     * {@link #forSync(long, long)} for many reservations at once (a window's page), by id: those of these
     * reservations that belong to one of these restaurants.
     */
    @Transactional(readOnly = true)
    public Map<Long, ReservationSnapshot> forSync(Collection<Long> restaurantIds, Collection<Long> reservationIds) {
        if (restaurantIds.isEmpty() || reservationIds.isEmpty()) {
            return Map.of();
        }
        return reservations.findByIdInAndRestaurantIdIn(reservationIds, restaurantIds).stream()
                .collect(Collectors.toMap(Reservation::getId, ReservationSnapshot::of));
    }

    /** Reservations starting in [from, to), by id, a page after {@code afterId}: only ids, versions and statuses. */
    @Transactional(readOnly = true)
    public List<ReservationVersion> versionsStartingBetween(long restaurantId, Instant from, Instant to, long afterId,
            int limit) {
        return reservations.findVersions(restaurantId, from, to, afterId, Limit.of(limit));
    }

    @Transactional(readOnly = true)
    public long countStartingBetween(long restaurantId, Instant from, Instant to) {
        return reservations.countByRestaurantIdAndStartGreaterThanEqualAndStartLessThan(restaurantId, from, to);
    }
}
