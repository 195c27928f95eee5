package io.passerelle.reservation;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PosOrderRepository extends JpaRepository<PosOrder, Long> {

    /** Locked: two events about one order (a repeat, a close racing a close) are applied one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<PosOrder> findByRestaurantIdAndExternalId(long restaurantId, String externalId);

    @EntityGraph(attributePaths = "items")
    List<PosOrder> findByRestaurantIdAndReservationIdOrderByIdAsc(long restaurantId, long reservationId);

    /** Without their items: a collection fetch would page in memory. */
    @Query("""
            select o from PosOrder o
            where o.restaurantId = :restaurantId and o.reservationId in (
                select r.id from Reservation r where r.restaurantId = :restaurantId and r.guest.id = :guestId)
            """)
    Page<PosOrder> findOfGuest(long restaurantId, long guestId, Pageable pageable);
}
