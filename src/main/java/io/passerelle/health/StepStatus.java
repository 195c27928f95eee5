package io.passerelle.health;

import java.util.Locale;

public enum StepStatus {
    DONE,
    TO_DO,
    /** Checked, and found wrong: the item's detail says what to fix. */
    FAILED,
    /** Nothing can tell yet (e.g. the POS has not named a single table). */
    NOT_CHECKED_YET,
    /** The step does not apply to this partner or this connection. */
    NOT_APPLICABLE;

    public String labelKey() {
        return "health.checklist.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
