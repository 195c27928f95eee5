package io.passerelle.sync;

/** What reconciling one reservation with one POS came to; the counts of a run. */
enum EnqueueResult {
    /** Queued as reservation.upserted. */
    SENT,
    /** Queued as reservation.missed. */
    MISSED,
    /** The POS has it (or it is on its way, or it was missed already). */
    UNCHANGED,
    /** This version failed for good; it waits for a replay. */
    FAILED
}
