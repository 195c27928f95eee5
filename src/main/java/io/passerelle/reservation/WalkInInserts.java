package io.passerelle.reservation;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * A walk-in the POS reported and its order, inserted with plain JDBC in the caller's transaction: the hot path of
 * {@code order.opened}, which a till sends many times a second, and where Hibernate's persist of two new entities and
 * the flush after it cost more CPU than the two statements themselves. The entities are built as everywhere else
 * ({@link Reservation#walkIn}, {@link PosOrder}), so what a walk-in holds is decided in one place; they are not
 * managed by the persistence context afterwards (read them through the repositories).
 */
@Repository
class WalkInInserts {

    private static final String INSERT_RESERVATION = """
            insert into reservation (version, restaurant_id, guest_id, start_at, party_size, notes, status, source,
                table_id, pos_table_name, pos_room_name, merged_into_id, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_ORDER = """
            insert into pos_order (version, restaurant_id, connection_id, external_id, reservation_id, table_name,
                dining_table_id, covers, total_amount, currency, payment_id, opened_at, closed_at, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;

    WalkInInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The new reservation's id (IDENTITY). */
    long insert(Reservation walkIn) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement(INSERT_RESERVATION, Statement.RETURN_GENERATED_KEYS);
            insert.setLong(1, walkIn.getVersion());
            insert.setLong(2, walkIn.getRestaurantId());
            insert.setObject(3, walkIn.getGuest() == null ? null : walkIn.getGuest().getId(), Types.BIGINT);
            insert.setObject(4, utc(walkIn.getStart()));
            insert.setInt(5, walkIn.getPartySize());
            insert.setString(6, walkIn.getNotes());
            insert.setString(7, walkIn.getStatus().name());
            insert.setString(8, walkIn.getSource().name());
            insert.setObject(9, walkIn.getTable() == null ? null : walkIn.getTable().getId(), Types.BIGINT);
            insert.setString(10, walkIn.getPosTableName());
            insert.setString(11, walkIn.getPosRoomName());
            insert.setObject(12, walkIn.getMergedIntoId(), Types.BIGINT);
            insert.setObject(13, utc(walkIn.getCreatedAt()));
            insert.setObject(14, utc(walkIn.getUpdatedAt()));
            return insert;
        }, keys);
        return keys.getKeyAs(Number.class).longValue();
    }

    /** A new order, without items. */
    void insert(PosOrder order) {
        jdbc.update(INSERT_ORDER, insert -> bind(insert, order));
    }

    private static void bind(PreparedStatement insert, PosOrder order) throws SQLException {
        insert.setLong(1, order.getVersion());
        insert.setLong(2, order.getRestaurantId());
        insert.setObject(3, order.getConnectionId(), Types.BIGINT);
        insert.setString(4, order.getExternalId());
        insert.setObject(5, order.getReservationId(), Types.BIGINT);
        insert.setString(6, order.getTableName());
        insert.setObject(7, order.getDiningTableId(), Types.BIGINT);
        insert.setObject(8, order.getCovers(), Types.INTEGER);
        insert.setBigDecimal(9, order.getTotalAmount());
        insert.setString(10, order.getCurrency());
        insert.setString(11, order.getPaymentId());
        insert.setObject(12, utc(order.getOpenedAt()));
        insert.setObject(13, utc(order.getClosedAt()));
        insert.setObject(14, utc(order.getCreatedAt()));
    }

    /** As Hibernate stores an instant here ({@code hibernate.jdbc.time_zone=UTC}). */
    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
