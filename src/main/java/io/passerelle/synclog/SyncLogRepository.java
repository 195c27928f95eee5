package io.passerelle.synclog;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SyncLogRepository extends JpaRepository<SyncLogEntry, Long> {

    List<SyncLogEntry> findByRestaurantIdAndIdLessThanOrderByIdDesc(long restaurantId, long beforeId, Limit limit);

    List<SyncLogEntry> findByRestaurantIdAndReservationIdOrderByIdAsc(long restaurantId, long reservationId);

    /** One bounded batch: a purge never holds long locks on a busy log. */
    @Modifying
    @Query(value = "DELETE FROM sync_log_entry WHERE occurred_at < :before LIMIT :batchSize", nativeQuery = true)
    int deleteBatchOlderThan(Instant before, int batchSize);
}
