package io.passerelle.reservation;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PosOrderRepository extends JpaRepository<PosOrder, Long> {

    /** Locked: two events about one order (a repeat, a close racing a close) are applied one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<PosOrder> findByRestaurantIdAndExternalId(long restaurantId, String externalId);

    @EntityGraph(attributePaths = "items")
    List<PosOrder> findByRestaurantIdAndReservationIdOrderByIdAsc(long restaurantId, long reservationId);

    /** A reservation's closed orders (its bills), without their items. */
    List<PosOrder> findByRestaurantIdAndReservationIdAndClosedAtIsNotNull(long restaurantId, long reservationId);

    /** Without their items: a collection fetch would page in memory. */
    @Query("""
            select o from PosOrder o
            where o.restaurantId = :restaurantId and o.reservationId in (
                select r.id from Reservation r where r.restaurantId = :restaurantId and r.guest.id = :guestId)
            """)
    Page<PosOrder> findOfGuest(long restaurantId, long guestId, Pageable pageable);

    /** The connections that reported orders under this POS table name. */
    @Query("""
            select distinct o.connectionId from PosOrder o
            where o.restaurantId = :restaurantId and o.tableName = :posName and o.connectionId is not null
            """)
    List<Long> findConnectionsNaming(long restaurantId, String posName);

    /** Every order the connection reported under this POS table name now stands for this dining table (or none). */
    @Modifying(flushAutomatically = true)
    @Query("""
            update PosOrder o set o.diningTableId = :tableId
            where o.restaurantId = :restaurantId and o.connectionId = :connectionId and o.tableName = :posName
            """)
    int resolveTableName(long restaurantId, long connectionId, String posName, Long tableId);

    /** The orders of reservations starting in [from, to), oldest first, without their items. */
    @Query("""
            select o from PosOrder o
            where o.restaurantId = :restaurantId and o.reservationId in (
                select r.id from Reservation r where r.restaurantId = :restaurantId and r.start >= :from
                  and r.start < :to)
            order by o.openedAt, o.id
            """)
    List<PosOrder> findOfReservationsStartingBetween(long restaurantId, Instant from, Instant to);
}
