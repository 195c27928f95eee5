package io.passerelle.synclog;

public enum LogKind {
    /** A sync run: a scheduled window or a manual sync, with its counts. */
    RUN,
    /** One message in or out. */
    MESSAGE,
    /** An event from the POS that was refused, with the reason. */
    REJECTED_EVENT
}
