package io.passerelle.reservation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MissedOverrideRepository extends JpaRepository<MissedOverride, Long> {

    List<MissedOverride> findByRestaurantIdAndReservationIdOrderByOccurredAtDescIdDesc(long restaurantId,
            long reservationId);
}
