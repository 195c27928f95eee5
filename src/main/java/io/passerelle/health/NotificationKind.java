package io.passerelle.health;

import java.util.Locale;

/** What a notification tells; its text is {@link #messageKey()} with the subject as {0}. */
public enum NotificationKind {
    CONNECTION_FAILING,
    CONNECTION_RECOVERED;

    public String messageKey() {
        return "health.notification." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The e-mail subject line. */
    public String mailSubjectKey() {
        return messageKey() + ".mail-subject";
    }
}
