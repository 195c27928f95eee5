package io.passerelle.health;

import java.time.Duration;
import java.time.Instant;

/** How old a restaurant's last successful sync is, as the navbar badge colours it. */
public enum Staleness {
    FRESH,
    /** Older than {@code passerelle.health.stale-amber-after}. */
    AMBER,
    /** Older than {@code passerelle.health.stale-red-after}, or never synced. */
    RED;

    static Staleness of(Instant lastSuccessfulSync, Instant now, HealthSettings settings) {
        if (lastSuccessfulSync == null) {
            return RED;
        }
        Duration age = Duration.between(lastSuccessfulSync, now);
        if (age.compareTo(settings.staleRedAfter()) >= 0) {
            return RED;
        }
        return age.compareTo(settings.staleAmberAfter()) >= 0 ? AMBER : FRESH;
    }
}
