package io.passerelle.synclog;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * More lines than a word search may read ({@link SyncLogQueries#TEXT_SCAN_MAX_ROWS}), for one restaurant, written
 * in one statement over MariaDB's sequence engine (a second or two), and taken away again: the test database is
 * shared, and a search across every restaurant would be stopped by them.
 */
public final class BulkLog implements AutoCloseable {

    /** Just past what one page of a word search reads. */
    public static final int LINES = SyncLogQueries.TEXT_SCAN_MAX_ROWS + 1_000;

    private final JdbcTemplate jdbc;
    private final long restaurantId;

    private BulkLog(JdbcTemplate jdbc, long restaurantId) {
        this.jdbc = jdbc;
        this.restaurantId = restaurantId;
    }

    /** {@link #LINES} deliveries of the restaurant, one a second up to {@code until}. */
    public static BulkLog seed(JdbcTemplate jdbc, long restaurantId, Instant until) {
        jdbc.update("""
                insert into sync_log_entry (restaurant_id, partner_code, occurred_at, kind, direction, message_type,
                    message_id, outcome, http_status)
                select ?, 'caissepad', timestampadd(SECOND, -s.seq, ?), 'MESSAGE', 'OUT', 'reservation.upserted',
                    concat('bulk-', s.seq), 'SUCCESS', 200
                from seq_1_to_%d s""".formatted(LINES), restaurantId,
                Timestamp.valueOf(until.atZone(ZoneOffset.UTC).toLocalDateTime()));
        return new BulkLog(jdbc, restaurantId);
    }

    @Override
    public void close() {
        jdbc.update("delete from sync_log_entry where restaurant_id = ? and message_id like 'bulk-%'", restaurantId);
    }
}
