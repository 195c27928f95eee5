package io.passerelle.health;

import java.time.Instant;

/**
 * One notification of one person.
 *
 * @param subject what it is about, shown as {0} of the kind's message: "restaurant [public ID] – partner"
 * @param readAt  null while unread
 */
public record UserNotification(long id, long restaurantId, Long connectionId, NotificationKind kind, String subject,
        Instant createdAt, Instant readAt) {

    public static final int SUBJECT_MAX_LENGTH = 200;

    public boolean unread() {
        return readAt == null;
    }
}
