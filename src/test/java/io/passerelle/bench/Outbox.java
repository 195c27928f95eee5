package io.passerelle.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Reads the sync engine's outbox from outside: when it is drained, and when each version reached its POS. */
final class Outbox {

    private final DataSource dataSource;

    Outbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Waits until no message of these connections is pending (delivered, or given up); false on timeout. */
    boolean awaitDrained(long firstConnection, long lastConnection, Duration timeout) throws SQLException,
            InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (anyPending(firstConnection, lastConnection)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /**
     * Whether one message is still pending: the first one found will do, looked for among the pending ones (by the
     * connections' range, the scan would walk past the delivered ones first). A count of them, every 20 ms, took 11 s
     * of the database's time in the measured 40 s of a full window, while Passerelle needed it.
     */
    private boolean anyPending(long firstConnection, long lastConnection) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement select = db.prepareStatement("select exists (select 1 from outbox_message"
                        + " force index (ix_outbox_due) where status = 'PENDING' and connection_id between ? and ?)")) {
            select.setLong(1, firstConnection);
            select.setLong(2, lastConnection);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    long delivered(long firstConnection, long lastConnection, Instant since) throws SQLException {
        return count("status = 'DELIVERED'", firstConnection, lastConnection, since);
    }

    /** When each reservation's version was acknowledged, keyed "reservationId/version". */
    Map<String, Instant> deliveredAt(long firstConnection, long lastConnection, Instant since) throws SQLException {
        var acknowledged = new HashMap<String, Instant>();
        try (Connection db = dataSource.getConnection();
                PreparedStatement select = db.prepareStatement("select reservation_id, reservation_version, delivered_at"
                        + " from outbox_message where status = 'DELIVERED' and connection_id between ? and ?"
                        + " and created_at >= ?")) {
            select.setLong(1, firstConnection);
            select.setLong(2, lastConnection);
            select.setObject(3, BenchEstate.utc(since));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    acknowledged.put(rows.getLong(1) + "/" + rows.getLong(2),
                            rows.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC));
                }
            }
        }
        return acknowledged;
    }

    private long count(String condition, long firstConnection, long lastConnection, Instant since) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement select = db.prepareStatement("select count(*) from outbox_message where " + condition
                        + " and connection_id between ? and ?" + (since == null ? "" : " and created_at >= ?"))) {
            select.setLong(1, firstConnection);
            select.setLong(2, lastConnection);
            if (since != null) {
                select.setObject(3, BenchEstate.utc(since));
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
