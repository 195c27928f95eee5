package io.passerelle.health;

import io.passerelle.restaurant.RestaurantScope;
import io.passerelle.sync.DeliveryAttempted;
import io.passerelle.sync.SyncRunCompleted;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Health state and hourly figures in plain SQL: upserts that add up atomically whichever node delivers,
 * and conditional updates that let exactly one node announce an episode. The grid query reads the
 * connection and restaurant tables (read only) to sort and page across restaurants in one indexed query.
 */
@Repository
class HealthStore {

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    HealthStore(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = JdbcClient.create(jdbcTemplate);
    }

    // --- written from the sync engine's events, a relay batch or a window page at a time

    /**
     * A batch of delivery attempts, with the effect of applying them one by one in time order, in a statement
     * batch per kind of change: per connection, the last delivery clears the failure episode, the first connection
     * failure after it opens one, and the last failure of any kind is the last failure.
     */
    @Transactional
    void recordDeliveries(List<DeliveryAttempted> attempts) {
        var delivered = new ArrayList<Object[]>();
        var failing = new ArrayList<Object[]>();
        var failed = new ArrayList<Object[]>();
        var byConnection = attempts.stream().sorted(Comparator.comparing(DeliveryAttempted::at))
                .collect(Collectors.groupingBy(DeliveryAttempted::connectionId, TreeMap::new, Collectors.toList()));
        byConnection.forEach((connectionId, inOrder) -> {
            long restaurantId = inOrder.getFirst().restaurantId();
            Instant lastDelivery = null;
            Instant failingSince = null;
            Instant lastFailure = null;
            for (DeliveryAttempted attempt : inOrder) {
                switch (attempt.outcome()) {
                    case DELIVERED -> {
                        lastDelivery = attempt.at();
                        failingSince = null;
                    }
                    case CONNECTION_FAILED -> {
                        failingSince = failingSince == null ? attempt.at() : failingSince;
                        lastFailure = attempt.at();
                    }
                    case MESSAGE_REFUSED -> lastFailure = attempt.at();
                }
            }
            if (lastDelivery != null) {
                delivered.add(new Object[] {connectionId, restaurantId, utc(lastDelivery)});
            }
            if (failingSince != null) {
                failing.add(new Object[] {connectionId, restaurantId, utc(failingSince), utc(failingSince)});
            }
            if (lastFailure != null) {
                failed.add(new Object[] {connectionId, restaurantId, utc(lastFailure)});
            }
        });
        batch("""
                insert into connection_health (connection_id, restaurant_id, last_success_at) values (?, ?, ?)
                on duplicate key update last_success_at = greatest(coalesce(last_success_at, values(last_success_at)),
                    values(last_success_at)), failing_since = null""", delivered);
        batch("""
                insert into connection_health (connection_id, restaurant_id, last_failure_at, failing_since)
                values (?, ?, ?, ?)
                on duplicate key update last_failure_at = values(last_failure_at),
                    failing_since = coalesce(failing_since, values(failing_since))""", failing);
        batch("""
                insert into connection_health (connection_id, restaurant_id, last_failure_at) values (?, ?, ?)
                on duplicate key update last_failure_at = values(last_failure_at)""", failed);
        batch("""
                insert into connection_health_hour (connection_id, hour_start, deliveries, failures, delay_ms_sum)
                values (?, ?, ?, ?, ?)
                on duplicate key update deliveries = deliveries + values(deliveries),
                    failures = failures + values(failures), delay_ms_sum = delay_ms_sum + values(delay_ms_sum)""",
                hourlyFigures(attempts));
    }

    /** Deliveries, failures and delays summed per connection and hour: one upsert each, in connection order. */
    private static List<Object[]> hourlyFigures(List<DeliveryAttempted> attempts) {
        record Hour(long connectionId, LocalDateTime start) {}
        var sums = new LinkedHashMap<Hour, Object[]>();
        attempts.stream().sorted(Comparator.comparingLong(DeliveryAttempted::connectionId)).forEach(attempt -> {
            var hour = new Hour(attempt.connectionId(), utc(attempt.at().truncatedTo(ChronoUnit.HOURS)));
            boolean delivered = attempt.outcome() == DeliveryAttempted.Outcome.DELIVERED;
            Object[] sum = sums.computeIfAbsent(hour, key -> new Object[] {key.connectionId(), key.start(), 0, 0, 0L});
            sum[2] = (int) sum[2] + (delivered ? 1 : 0);
            sum[3] = (int) sum[3] + (delivered ? 0 : 1);
            sum[4] = (long) sum[4] + (delivered ? attempt.delay().toMillis() : 0);
        });
        return new ArrayList<>(sums.values());
    }

    /** Windows found these POS systems up to date: each in sync as of its run, unless its calls are failing. */
    @Transactional
    void recordInSync(List<SyncRunCompleted> runs) {
        batch("""
                insert into connection_health (connection_id, restaurant_id, last_success_at) values (?, ?, ?)
                on duplicate key update last_success_at = if(failing_since is null,
                    greatest(coalesce(last_success_at, values(last_success_at)), values(last_success_at)),
                    last_success_at)""", runs.stream()
                .sorted(Comparator.comparingLong(SyncRunCompleted::connectionId))
                .map(run -> new Object[] {run.connectionId(), run.restaurantId(), utc(run.at())})
                .toList());
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbcTemplate.batchUpdate(sql, rows);
        }
    }

    // --- read by people, through the service

    List<HealthRecord> page(RestaurantScope scope, Instant now, Duration degradedFor, Duration longFailure, int offset,
            int limit) {
        Optional<Where> where = Where.of(scope);
        if (where.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select c.id, c.restaurant_id, r.name, r.time_zone, c.partner_code, c.style, c.enabled, c.last_seen_at,
                    h.last_success_at, h.failing_since
                from partner_connection c
                join restaurant r on r.id = c.restaurant_id
                left join connection_health h on h.connection_id = c.id
                where """ + " " + where.get().clause() + " " + """
                 order by case when not c.enabled then 4
                        when h.failing_since <= :longFailure then 0
                        when h.failing_since <= :degraded then 1
                        when h.failing_since is not null then 2
                        else 3 end,
                    h.failing_since, r.name, c.partner_code, c.id
                limit :limit offset :offset""")
                .params(where.get().params())
                .param("longFailure", utc(now.minus(longFailure)))
                .param("degraded", utc(now.minus(degradedFor)))
                .param("limit", limit)
                .param("offset", offset)
                .query(HealthStore::healthRecord)
                .list();
    }

    long count(RestaurantScope scope) {
        return Where.of(scope).map(where -> jdbc.sql("""
                        select count(*) from partner_connection c join restaurant r on r.id = c.restaurant_id
                        where """ + " " + where.clause())
                .params(where.params())
                .query(Long.class)
                .single()).orElse(0L);
    }

    /** The connection's record, or empty when it is not this restaurant's. */
    Optional<HealthRecord> find(long restaurantId, long connectionId) {
        return jdbc.sql("""
                select c.id, c.restaurant_id, r.name, r.time_zone, c.partner_code, c.style, c.enabled, c.last_seen_at,
                    h.last_success_at, h.failing_since
                from partner_connection c
                join restaurant r on r.id = c.restaurant_id
                left join connection_health h on h.connection_id = c.id
                where c.id = ? and c.restaurant_id = ?""")
                .params(connectionId, restaurantId)
                .query(HealthStore::healthRecord)
                .optional();
    }

    /** The newest successful sync of the restaurant's enabled connections: push, delivery or clean window; pull, the POS's call. */
    Optional<Instant> lastSuccessfulSync(long restaurantId) {
        return jdbc.sql("""
                select max(case when c.style = 'PULL' then c.last_seen_at else h.last_success_at end)
                from partner_connection c left join connection_health h on h.connection_id = c.id
                where c.restaurant_id = ? and c.enabled""")
                .params(restaurantId)
                .query((rs, row) -> instant(rs, 1))
                .optional();
    }

    List<HourFigures> hours(Collection<Long> connectionIds, Instant since) {
        if (connectionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select connection_id, hour_start, deliveries, failures, delay_ms_sum from connection_health_hour
                where connection_id in (:ids) and hour_start >= :since""")
                .param("ids", connectionIds)
                .param("since", utc(since))
                .query((rs, row) -> new HourFigures(rs.getLong(1), instant(rs, 2), rs.getInt(3), rs.getInt(4),
                        rs.getLong(5)))
                .list();
    }

    int purgeHoursBefore(Instant before) {
        return jdbc.sql("delete from connection_health_hour where hour_start < ?").params(utc(before)).update();
    }

    // --- the onboarding checklist

    boolean isConfirmed(long connectionId, ChecklistStep step) {
        return jdbc.sql("select count(*) from onboarding_confirmation where connection_id = ? and step = ?")
                .params(connectionId, step.name()).query(Long.class).single() > 0;
    }

    void confirm(long connectionId, ChecklistStep step, String by, Instant at) {
        jdbc.sql("""
                insert into onboarding_confirmation (connection_id, step, confirmed_by, confirmed_at) values (?, ?, ?, ?)
                on duplicate key update confirmed_by = values(confirmed_by), confirmed_at = values(confirmed_at)""")
                .params(connectionId, step.name(), by, utc(at)).update();
    }

    /** The POS has sent an event Passerelle accepted (the partner API's idempotency record, by its unique index). */
    boolean hasAcceptedEvent(long connectionId) {
        return jdbc.sql("select exists(select 1 from pos_event where connection_id = ? and http_status between 200 and 299)")
                .params(connectionId).query(Long.class).single() == 1;
    }

    // --- alerts: one node wins each announcement

    /** Enabled connections failing since before the cutoff whose episode nobody was told of yet. */
    List<Episode> unannouncedFailures(Instant cutoff) {
        return jdbc.sql("""
                select h.connection_id, h.restaurant_id, h.failing_since from connection_health h
                join partner_connection c on c.id = h.connection_id
                where h.failing_since <= ? and c.enabled
                  and (h.alerted_episode is null or h.alerted_episode <> h.failing_since)""")
                .params(utc(cutoff))
                .query((rs, row) -> new Episode(rs.getLong(1), rs.getLong(2), instant(rs, 3)))
                .list();
    }

    /** Announced episodes that ended (a delivery got through, or a new episode began since). */
    List<Episode> endedAnnouncedEpisodes() {
        return jdbc.sql("""
                select connection_id, restaurant_id, alerted_episode from connection_health
                where alerted_episode is not null and (failing_since is null or failing_since <> alerted_episode)""")
                .query((rs, row) -> new Episode(rs.getLong(1), rs.getLong(2), instant(rs, 3)))
                .list();
    }

    /** True for the one caller that marks the episode as announced. */
    boolean claimAnnouncement(Episode episode) {
        return jdbc.sql("""
                update connection_health set alerted_episode = failing_since
                where connection_id = ? and failing_since = ? and (alerted_episode is null or alerted_episode <> failing_since)""")
                .params(episode.connectionId(), utc(episode.since()))
                .update() == 1;
    }

    /** True for the one caller that closes the announced episode. */
    boolean claimRecovery(Episode episode) {
        return jdbc.sql("update connection_health set alerted_episode = null where connection_id = ? and alerted_episode = ?")
                .params(episode.connectionId(), utc(episode.since()))
                .update() == 1;
    }

    private static HealthRecord healthRecord(ResultSet rs, int row) throws SQLException {
        return new HealthRecord(rs.getLong(1), rs.getLong(2), rs.getString(3), ZoneId.of(rs.getString(4)),
                rs.getString(5), "PULL".equals(rs.getString(6)), rs.getBoolean(7), instant(rs, 8), instant(rs, 9),
                instant(rs, 10));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The persisted part of a connection's health. */
    record HealthRecord(long connectionId, long restaurantId, String restaurantName, ZoneId timeZone,
            String partnerCode, boolean pull, boolean enabled, Instant lastSeenAt, Instant lastSuccessAt,
            Instant failingSince) {}

    record HourFigures(long connectionId, Instant hourStart, int deliveries, int failures, long delayMsSum) {}

    record Episode(long connectionId, long restaurantId, Instant since) {}

    /** The scope as a WHERE clause on {@code c} (connection) and {@code r} (restaurant); empty: nothing visible. */
    private record Where(String clause, java.util.Map<String, Object> params) {

        static Optional<Where> of(RestaurantScope scope) {
            if (scope.all()) {
                return Optional.of(new Where("1 = 1", java.util.Map.of()));
            }
            if (scope.resellerId() != null) {
                return Optional.of(new Where("r.reseller_id = :reseller", java.util.Map.of("reseller", scope.resellerId())));
            }
            if (scope.restaurantIds().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Where("c.restaurant_id in (:restaurants)",
                    java.util.Map.of("restaurants", scope.restaurantIds())));
        }
    }
}
