package io.passerelle.sync;

public enum OutboxStatus {
    /** Waiting for its (next) attempt. */
    PENDING,
    /** The POS acknowledged it (2xx). */
    DELIVERED,
    /** Refused by the POS, or retried to the end: stays for people to read and replay. */
    FAILED,
    /** A newer version of the reservation made it pointless; never sent. */
    SUPERSEDED
}
