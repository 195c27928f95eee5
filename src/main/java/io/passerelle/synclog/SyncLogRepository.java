package io.passerelle.synclog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SyncLogRepository extends JpaRepository<SyncLogEntry, Long> {

    List<SyncLogEntry> findByRestaurantIdAndIdLessThanOrderByIdDesc(long restaurantId, long beforeId, Limit limit);

    List<SyncLogEntry> findByRestaurantIdAndReservationIdOrderByIdAsc(long restaurantId, long reservationId);

    List<SyncLogEntry> findByRestaurantIdAndReservationIdAndIdGreaterThanOrderByIdAsc(long restaurantId,
            long reservationId, long afterId, Limit limit);

    Optional<SyncLogEntry> findByIdAndRestaurantId(long id, long restaurantId);

    /** One bounded batch: a purge never holds long locks on a busy log. */
    @Modifying
    @Query(value = "DELETE FROM sync_log_entry WHERE occurred_at < :before LIMIT :batchSize", nativeQuery = true)
    int deleteBatchOlderThan(Instant before, int batchSize);
}
