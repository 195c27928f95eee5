package io.passerelle.synclog;

import io.passerelle.restaurant.RestaurantScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The log's filtered reads, in plain SQL so that each one can be checked against its index (see V5, V9, V16 and
 * SyncLogSearchTest). Newest first by keyset on (occurred_at, id): a page never counts or skips rows,
 * whatever the log's size. Times are stored in UTC.
 */
@Repository
class SyncLogQueries {

    private static final String LINE_COLUMNS = """
            id, restaurant_id, occurred_at, kind, direction, message_type, message_id, reservation_id, partner_code,
            outcome, http_status, attempt, latency_ms, error_code, error_detail""";

    /**
     * A search that cannot use an index for its order (a text search over a long period) may read much of the
     * log; past this it is stopped (MariaDB's max_statement_time, set by the driver) and the person is asked to
     * narrow it, rather than holding a connection for minutes.
     */
    static final int QUERY_TIMEOUT_SECONDS = 5;

    /**
     * A page of a word search (LIKE '%…%', no index can serve it) reads at most this many lines of the log
     * (MariaDB's LIMIT ROWS EXAMINED): about a day of a restaurant that logs a line a second, read in well under a
     * second. Past it the search is stopped and the person asked to narrow it, instead of waiting seconds for it.
     */
    static final int TEXT_SCAN_MAX_ROWS = 100_000;
    private static final int ER_QUERY_EXCEEDED_ROWS_EXAMINED_LIMIT = 1931;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    SyncLogQueries(DataSource dataSource) {
        var template = new JdbcTemplate(dataSource);
        template.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        this.jdbc = JdbcClient.create(template);
        this.named = new NamedParameterJdbcTemplate(template);
    }

    /** A reseller's restaurants, for its support's searches across them. */
    Set<Long> restaurantsOfReseller(long resellerId) {
        return Set.copyOf(jdbc.sql("select id from restaurant where reseller_id = :reseller")
                .param("reseller", resellerId)
                .query(Long.class)
                .list());
    }

    /**
     * At most {@code limit} lines older than {@code after} (or the newest when null), newest first. A reseller's
     * scope is turned into its restaurants' ids first: as a sub-query MariaDB joins it through a buffer and reads
     * far more of the log.
     */
    List<LogLine> page(LogFilter filter, RestaurantScope scope, LogPosition after, int limit) {
        RestaurantScope restaurants = filter.restaurantId() == null && scope.resellerId() != null
                ? RestaurantScope.only(restaurantsOfReseller(scope.resellerId()))
                : scope;
        Where where = pageWhere(filter, restaurants, after);
        if (!where.scansText) {
            return jdbc.sql(pageSql(where))
                    .params(where.params())
                    .param("limit", limit)
                    .query(SyncLogQueries::line)
                    .list();
        }
        var params = new HashMap<>(where.params());
        params.put("limit", limit);
        params.put("examined", TEXT_SCAN_MAX_ROWS);
        return named.execute(pageSql(where) + " rows examined :examined", params, statement -> {
            var lines = new ArrayList<LogLine>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    lines.add(line(rs, lines.size()));
                }
            }
            if (stoppedByRowsExamined(statement.getWarnings())) {
                throw new SearchTooBroadException();
            }
            return lines;
        });
    }

    /** MariaDB stops a query past LIMIT ROWS EXAMINED with a warning (1931), returning what it found so far. */
    private static boolean stoppedByRowsExamined(SQLWarning warning) {
        for (SQLWarning each = warning; each != null; each = each.getNextWarning()) {
            if (each.getErrorCode() == ER_QUERY_EXCEEDED_ROWS_EXAMINED_LIMIT
                    || String.valueOf(each.getMessage()).contains("ROWS EXAMINED")) {
                return true;
            }
        }
        return false;
    }

    static Where pageWhere(LogFilter filter, RestaurantScope scope, LogPosition after) {
        var where = new Where();
        where.filter(filter, scope);
        if (after != null) {
            where.and("(occurred_at < :afterAt or (occurred_at = :afterAt and id < :afterId))")
                    .param("afterAt", utc(after.occurredAt())).param("afterId", after.id());
        }
        return where;
    }

    static String pageSql(Where where) {
        return "select " + LINE_COLUMNS + " from sync_log_entry"
                + (where.index == null ? "" : " force index (" + where.index + ")")
                + " where " + where.sql() + " order by occurred_at desc, id desc limit :limit";
    }

    /** The message ids of the deliveries of one restaurant that failed for good in the period. */
    List<String> failedDeliveries(long restaurantId, Instant from, Instant to, int limit) {
        var where = new Where();
        where.and("restaurant_id = :restaurant").param("restaurant", restaurantId);
        where.and("outcome = 'FAILED' and kind = 'MESSAGE' and direction = 'OUT' and message_id is not null");
        where.period(from, to);
        return jdbc.sql("select distinct message_id from sync_log_entry where " + where.sql() + " limit :limit")
                .params(where.params)
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /** The conditions of a query and their parameters; values never go into the SQL text. */
    static final class Where {

        private final List<String> conditions = new ArrayList<>();
        private final Map<String, Object> params = new HashMap<>();
        /** A word search: no index serves it, the page reads lines until it has enough or is stopped. */
        private boolean scansText;
        /** The index the query must read, when the optimizer's own choice can be a scan of the whole log. */
        private String index;

        Where and(String condition) {
            conditions.add(condition);
            return this;
        }

        Where param(String name, Object value) {
            params.put(name, value);
            return this;
        }

        Map<String, Object> params() {
            return params;
        }

        /** {@code scope} must be everything or a set of restaurants; {@link #page} resolves a reseller's. */
        void filter(LogFilter filter, RestaurantScope scope) {
            if (filter.restaurantId() != null) {
                and("restaurant_id = :restaurant").param("restaurant", filter.restaurantId());
            } else if (!scope.all()) {
                if (scope.restaurantIds().isEmpty()) {
                    and("1 = 0");
                } else {
                    and("restaurant_id in (:restaurants)").param("restaurants", scope.restaurantIds());
                }
            }
            String id = filter.messageIdSearched();
            if (id != null) {
                // a pasted message or event id: the whole log (whatever the period) by exact match on V16's index.
                // Forced: across every restaurant MariaDB may otherwise walk ix_sync_log_time for the ORDER BY ...
                // LIMIT and test each line's id, the whole log for an id it does not hold.
                and("message_id = :messageId").param("messageId", id);
                index = "ix_sync_log_message_id";
            } else {
                period(filter.from(), filter.to());
            }
            equal("direction", filter.direction() == null ? null : filter.direction().name());
            equal("outcome", filter.outcome() == null ? null : filter.outcome().name());
            equal("partner_code", blankToNull(filter.partnerCode()));
            equal("message_type", blankToNull(filter.messageType()));
            equal("reservation_id", filter.reservationId());
            String text = blankToNull(filter.text());
            if (text != null && id == null) {
                and("(message_id like :text or error_code like :text or error_detail like :text)")
                        .param("text", "%" + escapeLike(text.strip()) + "%");
                scansText = true;
            }
        }

        void period(Instant from, Instant to) {
            if (from != null) {
                and("occurred_at >= :from").param("from", utc(from));
            }
            if (to != null) {
                and("occurred_at < :to").param("to", utc(to));
            }
        }

        private void equal(String column, Object value) {
            if (value != null) {
                and(column + " = :" + column).param(column, value);
            }
        }

        String sql() {
            return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** LIKE's wildcards in what the person typed are plain characters (MariaDB's escape is the backslash). */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static LogLine line(ResultSet rs, int row) throws SQLException {
        return new LogLine(rs.getLong("id"), rs.getLong("restaurant_id"),
                rs.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                LogKind.valueOf(rs.getString("kind")), LogDirection.valueOf(rs.getString("direction")),
                rs.getString("message_type"), rs.getString("message_id"), rs.getObject("reservation_id", Long.class),
                rs.getString("partner_code"), LogOutcome.valueOf(rs.getString("outcome")),
                rs.getObject("http_status", Integer.class), rs.getObject("attempt", Integer.class),
                rs.getObject("latency_ms", Integer.class), rs.getString("error_code"), rs.getString("error_detail"));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
