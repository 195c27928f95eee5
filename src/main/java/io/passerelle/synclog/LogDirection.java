package io.passerelle.synclog;

public enum LogDirection {
    /** From the POS to Passerelle. */
    IN,
    /** From Passerelle to the POS. */
    OUT,
    /** Not a message: a run. */
    NONE
}
