package io.passerelle.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox (webhooks about reservations, calls to pay-at-table servers), the delivery state and the reconcile
 * leases, in plain SQL: claiming needs
 * {@code FOR UPDATE SKIP LOCKED} and conditional updates, which say exactly what they do here. Every
 * method joins the caller's transaction; times are stored in UTC like everything else.
 */
@Repository
class OutboxStore {

    private static final String COLUMNS = """
            id, restaurant_id, connection_id, reservation_id, reservation_version, type, webhook_id, payload, status,
            attempts, next_attempt_at, retry_started_at, last_http_status, last_error_code, created_at, delivered_at""";

    private final JdbcClient jdbc;

    OutboxStore(JdbcTemplate jdbcTemplate) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
    }

    void insert(long restaurantId, long connectionId, long reservationId, long version, MessageType type,
            String webhookId, String payload, Instant now) {
        jdbc.sql("""
                insert into outbox_message (restaurant_id, connection_id, reservation_id, reservation_version, type,
                    webhook_id, payload, status, attempts, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
                .params(restaurantId, connectionId, reservationId, version, type.wireName(), webhookId, payload,
                        utc(now), utc(now))
                .update();
    }

    /** A call to the pay-at-table server: about a bill, not a reservation. */
    void insertPayAtTableCall(long restaurantId, long connectionId, MessageType type, String webhookId, String payload,
            Instant now) {
        jdbc.sql("""
                insert into outbox_message (restaurant_id, connection_id, type, webhook_id, payload, status, attempts,
                    next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
                .params(restaurantId, connectionId, type.wireName(), webhookId, payload, utc(now), utc(now))
                .update();
    }

    /**
     * Older waiting versions are pointless once a newer one is queued; one in flight is left to finish. Found
     * by a plain read, then updated by primary key: a range update here took gap locks that deadlocked with
     * the inserts of concurrent changes to neighbouring reservations.
     */
    int supersedeOlderPending(long connectionId, long reservationId, long version, Instant now) {
        List<Long> older = jdbc.sql("select id from outbox_message where connection_id = ? and reservation_id = ?"
                        + " and status = 'PENDING' and reservation_version < ?")
                .params(connectionId, reservationId, version)
                .query(Long.class)
                .list();
        int superseded = 0;
        for (long id : older) {
            superseded += jdbc.sql("""
                    update outbox_message set status = 'SUPERSEDED'
                    where id = ? and status = 'PENDING' and (claimed_until is null or claimed_until < ?)""")
                    .params(id, utc(now))
                    .update();
        }
        return superseded;
    }

    DeliveryState deliveryState(long connectionId, long reservationId) {
        return jdbc.sql("select acked_version, missed_delivered_at from push_delivery_state"
                        + " where connection_id = ? and reservation_id = ?")
                .params(connectionId, reservationId)
                .query((rs, row) -> new DeliveryState(rs.getLong(1), instant(rs, 2)))
                .optional()
                .orElse(DeliveryState.NOTHING);
    }

    Map<Long, DeliveryState> deliveryStates(long connectionId, Collection<Long> reservationIds) {
        var states = new HashMap<Long, DeliveryState>();
        if (reservationIds.isEmpty()) {
            return states;
        }
        jdbc.sql("select reservation_id, acked_version, missed_delivered_at from push_delivery_state"
                        + " where connection_id = :connection and reservation_id in (:ids)")
                .param("connection", connectionId)
                .param("ids", reservationIds)
                .query(rs -> {
                    states.put(rs.getLong(1), new DeliveryState(rs.getLong(2), instant(rs, 3)));
                });
        return states;
    }

    /** The newest message of this reservation for this connection that still counts (not superseded). */
    Optional<OutboxMessage> latest(long connectionId, long reservationId) {
        return jdbc.sql("select " + COLUMNS + " from outbox_message where connection_id = ? and reservation_id = ?"
                        + " and status <> 'SUPERSEDED' order by reservation_version desc, id desc limit 1")
                .params(connectionId, reservationId)
                .query(OutboxStore::message)
                .optional();
    }

    void acknowledge(long connectionId, long reservationId, long version, boolean missed, Instant now) {
        jdbc.sql("""
                insert into push_delivery_state (connection_id, reservation_id, acked_version, missed_delivered_at)
                values (?, ?, ?, ?)
                on duplicate key update acked_version = greatest(acked_version, values(acked_version)),
                    missed_delivered_at = coalesce(missed_delivered_at, values(missed_delivered_at))""")
                .params(connectionId, reservationId, version, missed ? utc(now) : null)
                .update();
    }

    // --- the relay

    /**
     * Locks a bounded batch of due, unclaimed messages (rows other nodes hold are skipped, not waited for) and
     * marks them as this node's until the lease ends. Per reservation and connection only the oldest waiting
     * message is taken, and only when no older one is still pending (in flight elsewhere): versions go out in order.
     */
    List<OutboxMessage> claimDue(String node, Instant now, Instant leaseUntil, int limit) {
        List<OutboxMessage> due = jdbc.sql("select " + COLUMNS + " from outbox_message"
                        + " where status = 'PENDING' and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)"
                        + " order by next_attempt_at, id limit ? for update skip locked")
                .params(utc(now), utc(now), limit)
                .query(OutboxStore::message)
                .list();
        var firstPerReservation = new LinkedHashMap<String, OutboxMessage>();
        for (OutboxMessage message : due) {
            String key = message.reservationId() == null ? "call/" + message.id()
                    : message.connectionId() + "/" + message.reservationId();
            firstPerReservation.merge(key, message, (a, b) -> a.id() < b.id() ? a : b);
        }
        List<OutboxMessage> claimable = firstPerReservation.values().stream()
                .filter(message -> !hasOlderPending(message))
                .toList();
        for (OutboxMessage message : claimable) {
            jdbc.sql("update outbox_message set claimed_by = ?, claimed_until = ? where id = ?")
                    .params(node, utc(leaseUntil), message.id())
                    .update();
        }
        return claimable;
    }

    private boolean hasOlderPending(OutboxMessage message) {
        if (message.reservationId() == null) {
            return false;
        }
        return jdbc.sql("select count(*) from outbox_message where connection_id = ? and reservation_id = ?"
                        + " and status = 'PENDING' and id < ?")
                .params(message.connectionId(), message.reservationId(), message.id())
                .query(Long.class)
                .single() > 0;
    }

    void markDelivered(long id, int attempts, int httpStatus, Instant now) {
        jdbc.sql("""
                update outbox_message set status = 'DELIVERED', attempts = ?, last_http_status = ?, last_error_code = null,
                    delivered_at = ?, claimed_by = null, claimed_until = null
                where id = ? and status in ('PENDING', 'SUPERSEDED')""")
                .params(attempts, httpStatus, utc(now), id)
                .update();
    }

    void markRetry(long id, int attempts, Integer httpStatus, String errorCode, Instant retryStartedAt,
            Instant nextAttemptAt) {
        jdbc.sql("""
                update outbox_message set attempts = ?, last_http_status = ?, last_error_code = ?,
                    retry_started_at = coalesce(retry_started_at, ?), next_attempt_at = ?, claimed_by = null,
                    claimed_until = null
                where id = ? and status = 'PENDING'""")
                .params(attempts, httpStatus, errorCode, utc(retryStartedAt), utc(nextAttemptAt), id)
                .update();
    }

    void markFailed(long id, int attempts, Integer httpStatus, String errorCode) {
        jdbc.sql("""
                update outbox_message set status = 'FAILED', attempts = ?, last_http_status = ?, last_error_code = ?,
                    claimed_by = null, claimed_until = null
                where id = ? and status = 'PENDING'""")
                .params(attempts, httpStatus, errorCode, id)
                .update();
    }

    void markSuperseded(long id, String reason) {
        jdbc.sql("update outbox_message set status = 'SUPERSEDED', last_error_code = coalesce(?, last_error_code),"
                        + " claimed_by = null, claimed_until = null where id = ? and status = 'PENDING'")
                .params(reason, id)
                .update();
    }

    /** The circuit is open: try again later, without counting an attempt. */
    void postpone(long id, Instant nextAttemptAt) {
        jdbc.sql("update outbox_message set next_attempt_at = ?, claimed_by = null, claimed_until = null"
                        + " where id = ? and status = 'PENDING'")
                .params(utc(nextAttemptAt), id)
                .update();
    }

    boolean hasNewerPending(OutboxMessage message) {
        if (message.reservationId() == null) {
            return false;
        }
        return jdbc.sql("select count(*) from outbox_message where connection_id = ? and reservation_id = ?"
                        + " and status = 'PENDING' and id > ?")
                .params(message.connectionId(), message.reservationId(), message.id())
                .query(Long.class)
                .single() > 0;
    }

    /** A FAILED message of this restaurant back in the queue, from scratch (same webhook-id: the POS dedupes). */
    int replay(long restaurantId, long messageId, Instant now) {
        return jdbc.sql("""
                update outbox_message set status = 'PENDING', attempts = 0, retry_started_at = null, next_attempt_at = ?,
                    claimed_by = null, claimed_until = null
                where id = ? and restaurant_id = ? and status = 'FAILED'""")
                .params(utc(now), messageId, restaurantId)
                .update();
    }

    /** The FAILED messages of this restaurant with these webhook ids back in the queue, as {@link #replay} does. */
    int replayByWebhookIds(long restaurantId, Collection<String> webhookIds, Instant now) {
        return jdbc.sql("""
                update outbox_message set status = 'PENDING', attempts = 0, retry_started_at = null, next_attempt_at = :now,
                    claimed_by = null, claimed_until = null
                where restaurant_id = :restaurant and webhook_id in (:webhookIds) and status = 'FAILED'""")
                .param("now", utc(now))
                .param("restaurant", restaurantId)
                .param("webhookIds", webhookIds)
                .update();
    }

    Optional<OutboxMessage> find(long restaurantId, long messageId) {
        return jdbc.sql("select " + COLUMNS + " from outbox_message where id = ? and restaurant_id = ?")
                .params(messageId, restaurantId)
                .query(OutboxStore::message)
                .optional();
    }

    /** Newest first. */
    List<OutboxMessage> messages(long restaurantId, long connectionId, OutboxStatus status, int limit) {
        return jdbc.sql("select " + COLUMNS + " from outbox_message where restaurant_id = ? and connection_id = ?"
                        + " and status = ? order by id desc limit ?")
                .params(restaurantId, connectionId, status.name(), limit)
                .query(OutboxStore::message)
                .list();
    }

    long countRetrying(long connectionId) {
        return jdbc.sql("select count(*) from outbox_message where connection_id = ? and status = 'PENDING'"
                        + " and attempts > 0")
                .params(connectionId)
                .query(Long.class)
                .single();
    }

    long countFailed(long connectionId) {
        return jdbc.sql("select count(*) from outbox_message where connection_id = ? and status = 'FAILED'")
                .params(connectionId)
                .query(Long.class)
                .single();
    }

    // --- reconcile leases: one node per connection at a time

    boolean acquireLease(long connectionId, String holder, Instant now, Instant until) {
        jdbc.sql("insert ignore into sync_lease (connection_id) values (?)").params(connectionId).update();
        return jdbc.sql("""
                update sync_lease set holder = ?, held_until = ?
                where connection_id = ? and (holder is null or held_until < ? or holder = ?)""")
                .params(holder, utc(until), connectionId, utc(now), holder)
                .update() == 1;
    }

    boolean renewLease(long connectionId, String holder, Instant until) {
        return jdbc.sql("update sync_lease set held_until = ? where connection_id = ? and holder = ?")
                .params(utc(until), connectionId, holder)
                .update() == 1;
    }

    void releaseLease(long connectionId, String holder) {
        jdbc.sql("update sync_lease set holder = null, held_until = null where connection_id = ? and holder = ?")
                .params(connectionId, holder)
                .update();
    }

    private static OutboxMessage message(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(rs.getLong("id"), rs.getLong("restaurant_id"), rs.getLong("connection_id"),
                rs.getObject("reservation_id", Long.class), rs.getObject("reservation_version", Long.class),
                MessageType.ofWireName(rs.getString("type")), rs.getString("webhook_id"), rs.getString("payload"),
                OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                instant(rs, "retry_started_at"), (Integer) rs.getObject("last_http_status", Integer.class),
                rs.getString("last_error_code"), instant(rs, "created_at"), instant(rs, "delivered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
