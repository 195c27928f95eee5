package io.passerelle.health;

import io.passerelle.security.CurrentUser;
import io.passerelle.security.Recipient;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification centre: each person reads and marks their own notifications only (by their user id,
 * never one passed in). Alerts write them through {@link #notify}, then open screens hear of them live.
 */
@Service
public class NotificationService {

    private static final int MAX_LIST = 50;

    private final NotificationStore store;
    private final CurrentUser currentUser;
    private final LiveUpdates updates;
    private final Clock clock;

    NotificationService(NotificationStore store, CurrentUser currentUser, LiveUpdates updates, Clock clock) {
        this.store = store;
        this.currentUser = currentUser;
        this.updates = updates;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public long unreadCount() {
        return store.countUnread(currentUser.require().userId());
    }

    /** Newest first, read ones included. */
    @Transactional(readOnly = true)
    public List<UserNotification> latest() {
        return store.latest(currentUser.require().userId(), MAX_LIST);
    }

    @Transactional
    public void markRead(long notificationId) {
        store.markRead(currentUser.require().userId(), notificationId, clock.instant());
    }

    @Transactional
    public void markAllRead() {
        store.markAllRead(currentUser.require().userId(), clock.instant());
    }

    /** Machine side (alerts): one notification per recipient, then the news to their open screens. */
    void notify(List<Recipient> recipients, long restaurantId, Long connectionId, NotificationKind kind,
            String subject) {
        String bounded = subject.length() > UserNotification.SUBJECT_MAX_LENGTH
                ? subject.substring(0, UserNotification.SUBJECT_MAX_LENGTH) : subject;
        for (Recipient recipient : recipients) {
            UserNotification notification = store.insert(recipient.userId(), restaurantId, connectionId, kind, bounded,
                    clock.instant());
            updates.notified().publish(recipient.userId(), notification);
        }
    }
}
