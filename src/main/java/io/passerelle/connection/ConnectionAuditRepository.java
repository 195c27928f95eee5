package io.passerelle.connection;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConnectionAuditRepository extends JpaRepository<ConnectionAuditEntry, Long> {

    Page<ConnectionAuditEntry> findByRestaurantIdAndConnectionId(long restaurantId, long connectionId, Pageable pageable);
}
