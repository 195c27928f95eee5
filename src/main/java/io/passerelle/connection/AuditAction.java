package io.passerelle.connection;

import java.util.Locale;

/** What was done to a connection; the audit trail's "what". */
public enum AuditAction {
    CONNECTED,
    UPDATED,
    ENABLED,
    DISABLED,
    API_KEY_GENERATED,
    API_KEY_ROTATED,
    SIGNING_SECRET_REVEALED,
    CREDENTIALS_TESTED,
    PAY_AT_TABLE_CHECKED;

    public String messageKey() {
        return "connection.audit.action." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
