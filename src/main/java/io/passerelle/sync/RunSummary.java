package io.passerelle.sync;

import java.time.Duration;

/**
 * What one run (a window over one connection, or a manual sync) did.
 *
 * @param total     reservations in the window
 * @param sent      queued as reservation.upserted
 * @param unchanged already acknowledged by the POS, on their way, or missed already
 * @param missed    queued as reservation.missed
 * @param failed    whose current version failed for good and waits for a replay
 * @param cancelled stopped by a person before the end
 */
public record RunSummary(int total, int sent, int unchanged, int missed, int failed, boolean cancelled,
        Duration duration) {}
