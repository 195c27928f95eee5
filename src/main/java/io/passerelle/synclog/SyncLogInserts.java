package io.passerelle.synclog;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Log lines written as one JDBC batch in the caller's transaction. The entity's IDENTITY id keeps Hibernate from
 * batching inserts, and the relay and the windows write a line per message: one round trip and one commit for a
 * whole batch instead of one each.
 */
@Repository
class SyncLogInserts {

    private static final String INSERT = """
            insert into sync_log_entry (restaurant_id, connection_id, partner_code, occurred_at, kind, direction,
                message_type, message_id, reservation_id, outcome, http_status, attempt, latency_ms, error_code,
                error_detail, run_sent, run_unchanged, run_missed, run_failed, payload, response)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;

    SyncLogInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(List<SyncLogEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(INSERT, entries, entries.size(), SyncLogInserts::bind);
    }

    private static void bind(PreparedStatement insert, SyncLogEntry entry) throws SQLException {
        insert.setLong(1, entry.getRestaurantId());
        insert.setObject(2, entry.getConnectionId(), Types.BIGINT);
        insert.setString(3, entry.getPartnerCode());
        insert.setObject(4, LocalDateTime.ofInstant(entry.getOccurredAt(), ZoneOffset.UTC));
        insert.setString(5, entry.getKind().name());
        insert.setString(6, entry.getDirection().name());
        insert.setString(7, entry.getMessageType());
        insert.setString(8, entry.getMessageId());
        insert.setObject(9, entry.getReservationId(), Types.BIGINT);
        insert.setString(10, entry.getOutcome().name());
        insert.setObject(11, entry.getHttpStatus(), Types.INTEGER);
        insert.setObject(12, entry.getAttempt(), Types.INTEGER);
        insert.setObject(13, entry.getLatencyMs(), Types.INTEGER);
        insert.setString(14, entry.getErrorCode());
        insert.setString(15, entry.getErrorDetail());
        insert.setObject(16, entry.getRunSent(), Types.INTEGER);
        insert.setObject(17, entry.getRunUnchanged(), Types.INTEGER);
        insert.setObject(18, entry.getRunMissed(), Types.INTEGER);
        insert.setObject(19, entry.getRunFailed(), Types.INTEGER);
        insert.setString(20, entry.getPayload());
        insert.setString(21, entry.getResponse());
    }
}
