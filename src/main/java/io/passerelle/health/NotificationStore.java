package io.passerelle.health;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Every query is by user id: a person reads and marks only their own notifications. */
@Repository
class NotificationStore {

    private final JdbcClient jdbc;

    NotificationStore(JdbcTemplate jdbcTemplate) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
    }

    UserNotification insert(long userId, long restaurantId, Long connectionId, NotificationKind kind, String subject,
            Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into user_notification (user_id, restaurant_id, connection_id, kind, subject, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(userId, restaurantId, connectionId, kind.name(), subject, utc(now))
                .update(keys);
        return new UserNotification(keys.getKey().longValue(), restaurantId, connectionId, kind, subject, now, null);
    }

    long countUnread(long userId) {
        return jdbc.sql("select count(*) from user_notification where user_id = ? and read_at is null")
                .params(userId).query(Long.class).single();
    }

    /** Newest first. */
    List<UserNotification> latest(long userId, int limit) {
        return jdbc.sql("""
                select id, restaurant_id, connection_id, kind, subject, created_at, read_at from user_notification
                where user_id = ? order by id desc limit ?""")
                .params(userId, limit)
                .query(NotificationStore::notification)
                .list();
    }

    int markRead(long userId, long notificationId, Instant now) {
        return jdbc.sql("update user_notification set read_at = ? where id = ? and user_id = ? and read_at is null")
                .params(utc(now), notificationId, userId).update();
    }

    int markAllRead(long userId, Instant now) {
        return jdbc.sql("update user_notification set read_at = ? where user_id = ? and read_at is null")
                .params(utc(now), userId).update();
    }

    private static UserNotification notification(ResultSet rs, int row) throws SQLException {
        return new UserNotification(rs.getLong("id"), rs.getLong("restaurant_id"),
                rs.getObject("connection_id", Long.class), NotificationKind.valueOf(rs.getString("kind")),
                rs.getString("subject"), instant(rs, "created_at"), instant(rs, "read_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
