package io.passerelle.reservation;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface PosOrderRepository extends JpaRepository<PosOrder, Long> {

    /** Locked: two events about one order (a repeat, a close racing a close) are applied one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<PosOrder> findByRestaurantIdAndExternalId(long restaurantId, String externalId);

    @EntityGraph(attributePaths = "items")
    List<PosOrder> findByRestaurantIdAndReservationIdOrderByIdAsc(long restaurantId, long reservationId);
}
