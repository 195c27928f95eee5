package io.passerelle.sync;

import java.time.LocalDate;

/** The date ranges the scheduled windows cover, in the restaurant's own calendar (DOMAIN rule 3). */
public enum SyncWindow {
    /** Every 3 minutes: yesterday to 7 days ahead, whole days. */
    SHORT("window.short"),
    /** Every 12 hours, and a manual sync: yesterday to 2 months ahead, whole days. */
    LONG("window.long");

    private final String trigger;

    SyncWindow(String trigger) {
        this.trigger = trigger;
    }

    /** How a run of this window is named in the sync log. */
    public String trigger() {
        return trigger;
    }

    LocalDate firstDay(LocalDate today) {
        return today.minusDays(1);
    }

    LocalDate lastDay(LocalDate today) {
        return switch (this) {
            case SHORT -> today.plusDays(7);
            case LONG -> today.plusMonths(2);
        };
    }
}
