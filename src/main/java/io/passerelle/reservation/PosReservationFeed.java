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
     * Reservations starting on the days of the progress's window in the restaurant's time zone, changed after its
     * position for their day and no later than {@code settledBefore}, in change order (updatedAt, id); guest and
     * table loaded.
     */
    @Transactional(readOnly = true)
    public List<Reservation> changedAfter(long restaurantId, ZoneId zone, FeedProgress progress,
            Instant settledBefore, int limit) {
        FeedPosition after = progress.position();
        FeedPosition othersAfter = progress.othersPosition();
        return reservations.findChangedAfter(restaurantId, startOf(progress.from(), zone),
                endOf(progress.to(), zone), settledBefore, startOf(progress.caughtUpFrom(), zone),
                endOf(progress.caughtUpTo(), zone), after.updatedAt(), after.id(), othersAfter.updatedAt(),
                othersAfter.id(), Limit.of(limit));
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static Instant endOf(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
