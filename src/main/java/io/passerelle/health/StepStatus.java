package io.passerelle.health;

import java.util.Locale;

public enum StepStatus {
    DONE,
    TO_DO,
    /** Nothing can tell yet (the check belongs to a feature not built yet). */
    NOT_CHECKED_YET,
    /** The step does not apply to this partner or this connection. */
    NOT_APPLICABLE;

    public String labelKey() {
        return "health.checklist.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
