package io.passerelle.tables;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows behind table-name reconciliation: names a POS reported, names events used, and people's links. */
@Repository
class TableNameStore {

    /** A person's decision about a POS name; {@code tableId} null: unlinked on purpose. */
    record Link(String posName, Long tableId) {}

    /** A POS name events used while it linked to no dining table. */
    record Sighting(String posName, int events, Instant lastSeenAt) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    TableNameStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    List<String> reported(long connectionId) {
        return jdbc.sql("select name from pos_table_name where connection_id = :connection order by position")
                .param("connection", connectionId)
                .query(String.class)
                .list();
    }

    void replaceReported(long connectionId, List<String> names) {
        jdbc.sql("delete from pos_table_name where connection_id = :connection")
                .param("connection", connectionId)
                .update();
        for (int i = 0; i < names.size(); i++) {
            jdbc.sql("insert into pos_table_name (connection_id, position, name) values (:connection, :position, :name)")
                    .param("connection", connectionId)
                    .param("position", i)
                    .param("name", names.get(i))
                    .update();
        }
    }

    List<Link> links(long restaurantId, long connectionId) {
        return jdbc.sql("""
                        select pos_name, dining_table_id from pos_table_link
                        where restaurant_id = :restaurant and connection_id = :connection
                        """)
                .param("restaurant", restaurantId)
                .param("connection", connectionId)
                .query((row, number) -> new Link(row.getString(1), row.getObject(2, Long.class)))
                .list();
    }

    /**
     * The link of a name, its row locked until the transaction ends: a decision checked against it stands until
     * written. (No row, nothing is locked: under READ COMMITTED there are no gap locks.)
     */
    Optional<Link> lockedLink(long restaurantId, long connectionId, String posName) {
        return jdbc.sql("""
                        select pos_name, dining_table_id from pos_table_link
                        where restaurant_id = :restaurant and connection_id = :connection and pos_name = :name
                        for update
                        """)
                .param("restaurant", restaurantId)
                .param("connection", connectionId)
                .param("name", posName)
                .query((row, number) -> new Link(row.getString(1), row.getObject(2, Long.class)))
                .optional();
    }

    /** The links of these names (compared by the column's collation: the caller matches them exactly). */
    List<Link> links(long restaurantId, long connectionId, Collection<String> posNames) {
        if (posNames.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select pos_name, dining_table_id from pos_table_link
                        where restaurant_id = :restaurant and connection_id = :connection and pos_name in (:names)
                        """)
                .param("restaurant", restaurantId)
                .param("connection", connectionId)
                .param("names", posNames)
                .query((row, number) -> new Link(row.getString(1), row.getObject(2, Long.class)))
                .list();
    }

    /** For each of these tables linked to by a name of the connection: the first such name (by its collation). */
    Map<Long, String> firstLinkedNames(long restaurantId, long connectionId, Collection<Long> tableIds) {
        if (tableIds.isEmpty()) {
            return Map.of();
        }
        var names = new HashMap<Long, String>();
        jdbc.sql("""
                        select dining_table_id, min(pos_name) from pos_table_link
                        where restaurant_id = :restaurant and connection_id = :connection
                          and dining_table_id in (:tables)
                        group by dining_table_id
                        """)
                .param("restaurant", restaurantId)
                .param("connection", connectionId)
                .param("tables", tableIds)
                .query(row -> {
                    names.put(row.getLong(1), row.getString(2));
                });
        return names;
    }

    /**
     * The name's first link, unless it has one: whether this inserted it. A first link committed meanwhile (or
     * still being written: this waits for it) is left as it is.
     */
    boolean insertLinkIfAbsent(long restaurantId, long connectionId, String posName, Long tableId, Instant now) {
        return jdbc.sql("""
                        insert ignore into pos_table_link (connection_id, pos_name, restaurant_id, dining_table_id,
                                                           updated_at)
                        values (:connection, :name, :restaurant, :table, :now)
                        """)
                .param("connection", connectionId)
                .param("name", posName)
                .param("restaurant", restaurantId)
                .param("table", tableId)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    void saveLink(long restaurantId, long connectionId, String posName, Long tableId, Instant now) {
        jdbc.sql("""
                        insert into pos_table_link (connection_id, pos_name, restaurant_id, dining_table_id, updated_at)
                        values (:connection, :name, :restaurant, :table, :now)
                        on duplicate key update dining_table_id = :table, updated_at = :now
                        """)
                .param("connection", connectionId)
                .param("name", posName)
                .param("restaurant", restaurantId)
                .param("table", tableId)
                .param("now", Timestamp.from(now))
                .update();
    }

    void deleteLink(long restaurantId, long connectionId, String posName) {
        jdbc.sql("""
                        delete from pos_table_link
                        where restaurant_id = :restaurant and connection_id = :connection and pos_name = :name
                        """)
                .param("restaurant", restaurantId)
                .param("connection", connectionId)
                .param("name", posName)
                .update();
    }

    List<Sighting> sightings(long restaurantId, long connectionId) {
        return jdbc.sql("""
                        select pos_name, events, last_seen_at from pos_table_sighting
                        where restaurant_id = :restaurant and connection_id = :connection
                        """)
                .param("restaurant", restaurantId)
                .param("connection", connectionId)
                .query((row, number) -> new Sighting(row.getString(1), row.getInt(2),
                        row.getTimestamp(3).toInstant()))
                .list();
    }

    /** One statement, so events naming the same table at once count each other rather than collide. */
    void recordSighting(long restaurantId, long connectionId, String posName, Instant now) {
        recordSightings(restaurantId, connectionId, Map.of(posName, 1), now);
    }

    /** {@link #recordSighting} for several names at once (events per name), as one JDBC batch. */
    void recordSightings(long restaurantId, long connectionId, Map<String, Integer> eventsByName, Instant now) {
        if (eventsByName.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        batches.batchUpdate("""
                        insert into pos_table_sighting (connection_id, pos_name, restaurant_id, events, first_seen_at,
                                                        last_seen_at)
                        values (?, ?, ?, ?, ?, ?)
                        on duplicate key update events = events + values(events),
                                                last_seen_at = greatest(last_seen_at, values(last_seen_at))
                        """,
                eventsByName.entrySet().stream()
                        .map(sighting -> new Object[] {connectionId, sighting.getKey(), restaurantId, sighting.getValue(),
                                at, at})
                        .toList());
    }
}
