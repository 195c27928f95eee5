package io.passerelle.reservation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Machine side, for the partner API's pull: there is no user; the restaurant comes from the POS's authenticated
 * connection and every query includes it.
 */
@Service
public class PosReservationFeed {

    private final ReservationRepository reservations;

    PosReservationFeed(ReservationRepository reservations) {
        this.reservations = reservations;
    }

    /**
     * Reservations starting on the days [from, to] in the restaurant's time zone, changed after the position and
     * no later than {@code settledBefore}, in change order (updatedAt, id); guest and table loaded.
     */
    @Transactional(readOnly = true)
    public List<Reservation> changedAfter(long restaurantId, ZoneId zone, LocalDate from, LocalDate to,
            FeedPosition after, Instant settledBefore, int limit) {
        return reservations.findChangedAfter(restaurantId, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), settledBefore, after.updatedAt(), after.id(),
                Limit.of(limit));
    }
}
