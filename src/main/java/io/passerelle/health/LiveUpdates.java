package io.passerelle.health;

import java.time.Instant;
import org.springframework.stereotype.Component;

/** What open screens hear of without reloading: a restaurant's newest successful sync, a person's new notification. */
@Component
public class LiveUpdates {

    private final Broadcast<Instant> restaurantSynced = new Broadcast<>();
    private final Broadcast<UserNotification> notified = new Broadcast<>();

    /** Keyed by restaurant id. */
    public Broadcast<Instant> restaurantSynced() {
        return restaurantSynced;
    }

    /** Keyed by user id. */
    public Broadcast<UserNotification> notified() {
        return notified;
    }
}
