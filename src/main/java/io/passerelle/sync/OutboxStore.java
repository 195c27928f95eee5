package io.passerelle.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    OutboxStore(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = JdbcClient.create(jdbcTemplate);
    }

    /** Messages about reservations, as one JDBC batch. */
    void insert(List<QueuedMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("""
                insert into outbox_message (restaurant_id, connection_id, reservation_id, reservation_version, type,
                    webhook_id, payload, status, attempts, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""", messages.stream()
                .map(message -> new Object[] {message.restaurantId(), message.connectionId(), message.reservationId(),
                        message.version(), message.type().wireName(), message.webhookId(), message.payload(),
                        utc(message.queuedAt()), utc(message.queuedAt())})
                .toList());
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

    /**
     * Per reservation, the newest message that still counts (not superseded): its version and status. Ids and
     * versions only, for many reservations in one query.
     */
    Map<ReservationKey, QueuedVersion> latest(Collection<ReservationKey> keys) {
        // in version order: the last row of a reservation is its newest
        return byKey("select connection_id, reservation_id, reservation_version, status from outbox_message"
                        + " where (connection_id, reservation_id) in (:keys) and status <> 'SUPERSEDED'"
                        + " order by reservation_version, id", keys,
                rs -> new QueuedVersion(rs.getLong(3), OutboxStatus.valueOf(rs.getString(4))));
    }

    /** POS systems' own news acknowledged (not missed): key i at version i. */
    void acknowledgeAll(List<ReservationKey> keys, List<Long> versions) {
        var acknowledgements = new ArrayList<Acknowledgement>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            acknowledgements.add(new Acknowledgement(keys.get(i).connectionId(), keys.get(i).reservationId(),
                    versions.get(i), null, NO_MESSAGE));
        }
        acknowledge(acknowledgements);
    }

    /**
     * In key order, across the statements: two transactions upserting the same rows then take their locks in the
     * same order. Only a missed message's mark needs the look for a reopening upsert (run for every row, it was the
     * full window's costliest statement); the plain upserts between two missed ones go together.
     */
    private void acknowledge(List<Acknowledgement> acknowledgements) {
        acknowledgements.sort(Comparator.comparingLong(Acknowledgement::connectionId)
                .thenComparingLong(Acknowledgement::reservationId));
        var plain = new ArrayList<Object[]>();
        for (Acknowledgement acknowledgement : acknowledgements) {
            if (acknowledgement.missedAt() == null) {
                plain.add(new Object[] {acknowledgement.connectionId(), acknowledgement.reservationId(),
                        acknowledgement.version(), null});
                continue;
            }
            upsertPlain(plain);
            plain.clear();
            jdbcTemplate.update(ACKNOWLEDGE_DELIVERED, acknowledgement.connectionId(), acknowledgement.reservationId(),
                    acknowledgement.version(), acknowledgement.missedAt(), acknowledgement.connectionId(),
                    acknowledgement.reservationId(), acknowledgement.messageId());
        }
        upsertPlain(plain);
    }

    /**
     * {@link #ACKNOWLEDGE} for many plain rows, {@value #ACKNOWLEDGED_PER_STATEMENT} to a statement, in the order
     * given: the server runs one statement, where it ran a JDBC batch of the one-row statement once a row (60,000
     * executions in a full window).
     */
    private void upsertPlain(List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ACKNOWLEDGED_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ACKNOWLEDGED_PER_STATEMENT));
            String values = String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?)"));
            jdbcTemplate.update(ACKNOWLEDGE.formatted(values),
                    chunk.stream().flatMap(Arrays::stream).toArray());
        }
    }

    /** Staff un-parked a missed reservation: no connection counts it as delivered missed any more. */
    void forgetMissedDelivered(long reservationId) {
        jdbc.sql("update push_delivery_state set missed_delivered_at = null where reservation_id = ?"
                        + " and missed_delivered_at is not null")
                .params(reservationId)
                .update();
    }

    // --- the relay

    /**
     * Locks a bounded batch of due, unclaimed messages (rows other nodes hold are skipped, not waited for) and
     * marks them as this node's until the lease ends, in one update. A reservation's message is due only when no
     * older one of it is still pending (in flight here or elsewhere, or held by a node that died): versions go out in
     * order. That rule is part of the query, not a filter of its result: waiting newer versions would otherwise fill
     * the batch's rows, and behind enough of them the older messages they wait for were never reached again.
     *
     * <p>A claimed message is next due when its lease ends ({@code next_attempt_at}, as a node that dies with it would
     * have it): so the next claims' index range starts after the messages in flight. When claims left them at the
     * range's head, every claim scanned, and briefly locked, the batches in flight again, and the recording of their
     * outcomes waited on those locks (the database's time for the delivered update fell from 7.6 s to 2.0 s in a
     * full window). The older-pending probe is a plain read, even in this locking statement: it sees an older
     * message that another claim holds locked, rather than skipping it.
     */
    List<OutboxMessage> claimDue(String node, Instant now, Instant leaseUntil, int limit) {
        List<OutboxMessage> claimable = jdbc.sql("select " + COLUMNS + " from outbox_message due"
                        + " where status = 'PENDING' and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)"
                        + " and not exists (select 1 from outbox_message older where older.connection_id = due.connection_id"
                        + " and older.reservation_id = due.reservation_id and older.status = 'PENDING' and older.id < due.id)"
                        + " order by next_attempt_at, id limit ? for update skip locked")
                .params(utc(now), utc(now), limit)
                .query(OutboxStore::message)
                .list();
        if (!claimable.isEmpty()) {
            jdbc.sql("update outbox_message set claimed_by = :node, claimed_until = :until, next_attempt_at = :until"
                            + " where id in (:ids)")
                    .param("node", node)
                    .param("until", utc(leaseUntil))
                    .param("ids", claimable.stream().map(OutboxMessage::id).toList())
                    .update();
        }
        return claimable;
    }

    /**
     * Up to {@code limit} delivered or superseded reservation messages whose last attempt was due before
     * {@code before}, deleted (through the claim's index: status, then that time); how many.
     */
    int deleteSettled(Instant before, int limit) {
        return jdbc.sql("delete from outbox_message where status in ('DELIVERED', 'SUPERSEDED')"
                        + " and next_attempt_at < ? and type in (?, ?) limit ?")
                .params(utc(before), MessageType.UPSERTED.wireName(), MessageType.MISSED.wireName(), limit)
                .update();
    }

    /** This node's claims of these messages, given up: they were not called (the relay is closing); due now. */
    void releaseClaims(String node, Collection<Long> messageIds, Instant now) {
        jdbc.sql("update outbox_message set claimed_by = null, claimed_until = null, next_attempt_at = :now"
                        + " where id in (:ids) and claimed_by = :node and status = 'PENDING'")
                .param("ids", messageIds)
                .param("node", node)
                .param("now", utc(now))
                .update();
    }

    /** Of these reservations, those with a newer message pending: the id of the newest, by reservation. */
    Map<ReservationKey, Long> newestPending(Collection<ReservationKey> keys) {
        return byKey("select connection_id, reservation_id, max(id) from outbox_message"
                + " where (connection_id, reservation_id) in (:keys) and status = 'PENDING'"
                + " group by connection_id, reservation_id", keys, rs -> rs.getLong(3));
    }

    /** What these POS systems acknowledged of these reservations, in one query; absent: nothing yet. */
    Map<ReservationKey, DeliveryState> deliveryStates(Collection<ReservationKey> keys) {
        return byKey("select connection_id, reservation_id, acked_version, missed_delivered_at from push_delivery_state"
                + " where (connection_id, reservation_id) in (:keys)", keys,
                rs -> new DeliveryState(rs.getLong(3), instant(rs, 4)));
    }

    /**
     * A query of rows about these reservations, {@code (connection_id, reservation_id) in (:keys)}, whose first two
     * columns are that key: what {@code value} reads of the rest, by key (a later row wins).
     */
    private <V> Map<ReservationKey, V> byKey(String sql, Collection<ReservationKey> keys, RowValue<V> value) {
        var found = new HashMap<ReservationKey, V>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.sql(sql).param("keys", rows(keys)).query(rs -> {
            found.put(new ReservationKey(rs.getLong(1), rs.getLong(2)), value.read(rs));
        });
        return found;
    }

    /** What one row holds beyond its key. */
    private interface RowValue<V> {
        V read(ResultSet rs) throws SQLException;
    }

    /** Writes what a relay batch changed, in the caller's transaction: a statement or JDBC batch per kind of change. */
    void apply(RelayChanges changes) {
        lockReservationsDeliveredAsMissed(changes);
        // most of a batch is delivered, with the same status and time: one set-based update per status
        changes.delivered.forEach((httpStatus, ids) -> jdbc.sql("""
                        update outbox_message set status = 'DELIVERED', attempts = attempts + 1, last_http_status = :status,
                            last_error_code = null, delivered_at = :now, claimed_by = null, claimed_until = null
                        where id in (:ids) and status in ('PENDING', 'SUPERSEDED')""")
                .param("status", httpStatus)
                .param("now", utc(changes.now))
                .param("ids", ids)
                .update());
        batch(MARK_RETRY, changes.retries);
        batch(MARK_FAILED, changes.failed);
        batch(MARK_SUPERSEDED, changes.superseded);
        batch(POSTPONE, changes.postponed);
        acknowledge(changes.acknowledgements);
    }

    /**
     * Before anything else of the batch is written: the reservations of its delivered missed messages, in share mode.
     * Staff un-parking one of them write its row first (ReservationService.overrideMissed), so the un-park and this
     * batch take turns: the un-park's forgetting of the mark comes after this batch's mark is committed, or this batch
     * waits for the un-park's commit and then sees the upsert it queued (see ACKNOWLEDGE_DELIVERED). Without it, at READ
     * COMMITTED, an un-park that forgot the mark while this batch's mark was written but not committed (its update
     * skips a row whose committed version has no mark) and committed after it left the reservation final.
     */
    private void lockReservationsDeliveredAsMissed(RelayChanges changes) {
        List<Long> reservationIds = changes.acknowledgements.stream().filter(row -> row.missedAt() != null)
                .map(Acknowledgement::reservationId).distinct().sorted().toList();
        if (!reservationIds.isEmpty()) {
            jdbc.sql("select id from reservation where id in (:ids) order by id lock in share mode")
                    .param("ids", reservationIds)
                    .query(Long.class)
                    .list();
        }
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbcTemplate.batchUpdate(sql, rows);
        }
    }

    private static final String MARK_RETRY = """
            update outbox_message set attempts = ?, last_http_status = ?, last_error_code = ?,
                retry_started_at = coalesce(retry_started_at, ?), next_attempt_at = ?, claimed_by = null,
                claimed_until = null
            where id = ? and status = 'PENDING'""";

    private static final String MARK_FAILED = """
            update outbox_message set status = 'FAILED', attempts = ?, last_http_status = ?, last_error_code = ?,
                claimed_by = null, claimed_until = null
            where id = ? and status = 'PENDING'""";

    private static final String MARK_SUPERSEDED = """
            update outbox_message set status = 'SUPERSEDED', last_error_code = coalesce(?, last_error_code),
                claimed_by = null, claimed_until = null
            where id = ? and status = 'PENDING'""";

    /** The circuit is open: try again later, without counting an attempt. */
    private static final String POSTPONE = """
            update outbox_message set next_attempt_at = ?, claimed_by = null, claimed_until = null
            where id = ? and status = 'PENDING'""";

    private static final int ACKNOWLEDGED_PER_STATEMENT = 500;

    /** Upserts delivery states: {@code %s} is one {@code (?, ?, ?, ?)} a row. */
    private static final String ACKNOWLEDGE = """
            insert into push_delivery_state (connection_id, reservation_id, acked_version, missed_delivered_at)
            values %s
            on duplicate key update acked_version = greatest(acked_version, values(acked_version)),
                missed_delivered_at = coalesce(missed_delivered_at, values(missed_delivered_at))""";

    /**
     * As {@link #ACKNOWLEDGE}, for a delivered missed message. A delivered missed message is final unless an upsert was
     * queued after it (staff un-parked the reservation); decided as the row is written (the subquery of a writing
     * statement is a locking read: it sees the newest committed rows, and waits for an upsert being inserted), so an
     * un-park committed while the batch was being recorded is seen. One that comes later waits for the reservation's
     * row, which {@link #apply} holds in share mode, then clears the mark.
     */
    private static final String ACKNOWLEDGE_DELIVERED = """
            insert into push_delivery_state (connection_id, reservation_id, acked_version, missed_delivered_at)
            values (?, ?, ?, (select if(count(*) = 0, ?, null) from outbox_message reopening
                where reopening.connection_id = ? and reopening.reservation_id = ? and reopening.id > ?
                    and reopening.status = 'PENDING' and reopening.type = 'reservation.upserted'))
            on duplicate key update acked_version = greatest(acked_version, values(acked_version)),
                missed_delivered_at = coalesce(missed_delivered_at, values(missed_delivered_at))""";

    /** No message: a POS's own news acknowledges itself (only a missed message's look for a reopening needs one). */
    private static final long NO_MESSAGE = 0;

    /** A delivery state moved forward by message {@code messageId}; {@code missedAt}: the message said missed, then. */
    private record Acknowledgement(long connectionId, long reservationId, long version, LocalDateTime missedAt,
            long messageId) {}

    /** What one relay batch changes in the outbox and the delivery states, gathered, then written by {@link #apply}. */
    static final class RelayChanges {

        private final Instant now;
        /** Ids of the delivered messages, by the status the POS answered. */
        private final Map<Integer, List<Long>> delivered = new TreeMap<>();
        private final List<Object[]> retries = new ArrayList<>();
        private final List<Object[]> failed = new ArrayList<>();
        private final List<Object[]> superseded = new ArrayList<>();
        private final List<Object[]> postponed = new ArrayList<>();
        private final List<Acknowledgement> acknowledgements = new ArrayList<>();

        /** @param now when the outcomes are recorded: a delivered message is delivered then */
        RelayChanges(Instant now) {
            this.now = now;
        }

        /** One more attempt, and the last: the POS acknowledged the message. */
        void delivered(long id, int httpStatus) {
            delivered.computeIfAbsent(httpStatus, status -> new ArrayList<>()).add(id);
        }

        void retry(long id, int attempts, Integer httpStatus, String errorCode, Instant retryStartedAt,
                Instant nextAttemptAt) {
            retries.add(new Object[] {attempts, httpStatus, errorCode, utc(retryStartedAt), utc(nextAttemptAt), id});
        }

        void failed(long id, int attempts, Integer httpStatus, String errorCode) {
            failed.add(new Object[] {attempts, httpStatus, errorCode, id});
        }

        void superseded(long id, String reason) {
            superseded.add(new Object[] {reason, id});
        }

        void postponed(long id, Instant nextAttemptAt) {
            postponed.add(new Object[] {utc(nextAttemptAt), id});
        }

        /** Message {@code messageId} gave the POS this version; {@code missed}: it said the reservation is missed. */
        void acknowledged(long messageId, long connectionId, long reservationId, long version, boolean missed,
                Instant now) {
            acknowledgements.add(new Acknowledgement(connectionId, reservationId, version, missed ? utc(now) : null,
                    messageId));
        }
    }

    /**
     * What a replay does to a FAILED message: back in the queue from scratch (same webhook-id: the POS dedupes), or,
     * when a newer version of its reservation is queued or delivered, superseded by it: sent now, the old version
     * could reach the POS after the newer one.
     */
    private static final String REPLAYED = """
            update outbox_message m set
                status = if(exists(select 1 from outbox_message newer where newer.connection_id = m.connection_id
                        and newer.reservation_id = m.reservation_id and newer.id > m.id and newer.status <> 'FAILED'),
                    'SUPERSEDED', 'PENDING'),
                attempts = 0, retry_started_at = null, next_attempt_at = :now, claimed_by = null, claimed_until = null
            where m.restaurant_id = :restaurant and m.status = 'FAILED' and""";

    /** A FAILED message of this restaurant replayed (see {@link #REPLAYED}). */
    int replay(long restaurantId, long messageId, Instant now) {
        return jdbc.sql(REPLAYED + " m.id = :id")
                .param("now", utc(now))
                .param("restaurant", restaurantId)
                .param("id", messageId)
                .update();
    }

    /** The FAILED messages of this restaurant with these webhook ids replayed, as {@link #replay} does. */
    int replayByWebhookIds(long restaurantId, Collection<String> webhookIds, Instant now) {
        return jdbc.sql(REPLAYED + " m.webhook_id in (:webhookIds)")
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

    // --- the windows

    /**
     * Of these connections, every reservation of their restaurant starting in [from, to) whose current version the
     * POS lacks (never acknowledged, or an older version) and that it was not told is missed: what a window must
     * look at, in one query for a page of connections, by connection and reservation. A reservation the POS has
     * costs an index probe and travels nowhere. Reads the reservation book's table, read only: this question is a
     * join, and asking it reservation by reservation made a quiet window cost seconds.
     */
    List<ReservationKey> unacknowledged(Collection<Long> connectionIds, Instant from, Instant to) {
        if (connectionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select c.id, r.id from partner_connection c
                        join reservation r on r.restaurant_id = c.restaurant_id and r.start_at >= :from and r.start_at < :to
                        left join push_delivery_state s on s.connection_id = c.id and s.reservation_id = r.id
                        where c.id in (:connections)
                          and (s.connection_id is null or (s.missed_delivered_at is null and s.acked_version < r.version))
                        order by c.id, r.id""")
                .param("connections", connectionIds)
                .param("from", utc(from))
                .param("to", utc(to))
                .query((rs, row) -> new ReservationKey(rs.getLong(1), rs.getLong(2)))
                .list();
    }

    /** Reservations starting in [from, to) of each of these connections' restaurants: a run's total. */
    Map<Long, Integer> countStartingBetween(Collection<Long> connectionIds, Instant from, Instant to) {
        var counts = new HashMap<Long, Integer>();
        if (connectionIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        select c.id, count(*) from partner_connection c
                        join reservation r on r.restaurant_id = c.restaurant_id and r.start_at >= :from and r.start_at < :to
                        where c.id in (:connections) group by c.id""")
                .param("connections", connectionIds)
                .param("from", utc(from))
                .param("to", utc(to))
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    // --- reconcile leases: one node per connection at a time

    /** Those of these connections this holder now holds until {@code until}: free ones, expired ones, its own. */
    Set<Long> acquireLeases(Collection<Long> connectionIds, String holder, Instant now, Instant until) {
        if (connectionIds.isEmpty()) {
            return Set.of();
        }
        jdbc.sql("insert ignore into sync_lease (connection_id) values :rows")
                .param("rows", connectionIds.stream().map(id -> new Object[] {id}).toList())
                .update();
        jdbc.sql("""
                        update sync_lease set holder = :holder, held_until = :until
                        where connection_id in (:connections) and (holder is null or held_until < :now or holder = :holder)""")
                .param("holder", holder)
                .param("until", utc(until))
                .param("connections", connectionIds)
                .param("now", utc(now))
                .update();
        return Set.copyOf(jdbc.sql("select connection_id from sync_lease where connection_id in (:connections)"
                        + " and holder = :holder")
                .param("connections", connectionIds)
                .param("holder", holder)
                .query(Long.class)
                .list());
    }

    void renewLeases(Collection<Long> connectionIds, String holder, Instant until) {
        if (connectionIds.isEmpty()) {
            return;
        }
        jdbc.sql("update sync_lease set held_until = :until where connection_id in (:connections) and holder = :holder")
                .param("until", utc(until))
                .param("connections", connectionIds)
                .param("holder", holder)
                .update();
    }

    void releaseLeases(Collection<Long> connectionIds, String holder) {
        if (connectionIds.isEmpty()) {
            return;
        }
        jdbc.sql("update sync_lease set holder = null, held_until = null where connection_id in (:connections)"
                        + " and holder = :holder")
                .param("connections", connectionIds)
                .param("holder", holder)
                .update();
    }

    private static List<Object[]> rows(Collection<ReservationKey> keys) {
        return keys.stream().distinct().map(ReservationKey::row).toList();
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
