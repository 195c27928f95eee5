package io.passerelle.health;

import java.util.Locale;

/** The onboarding pre-flight of a connection, in the order a person goes through it. */
public enum ChecklistStep {
    CREDENTIALS_TESTED,
    CERTIFICATE_VALID,
    POS_VERSION,
    PAY_AT_TABLE,
    TIMEZONE_CONFIRMED,
    FIRST_SYNC,
    TABLES_RECONCILED,
    FIRST_POS_EVENT;

    public String labelKey() {
        return "health.checklist.step." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
