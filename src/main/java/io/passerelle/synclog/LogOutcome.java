package io.passerelle.synclog;

public enum LogOutcome {
    SUCCESS,
    /** Failed this time; another attempt is scheduled. */
    RETRYING,
    /** Failed for good (or after the last attempt): replayable. */
    FAILED,
    /** An inbound event refused by a rule. */
    REJECTED
}
