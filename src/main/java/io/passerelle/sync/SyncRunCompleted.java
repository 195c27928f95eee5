package io.passerelle.sync;

import java.time.Instant;

/**
 * Published when a window or manual sync of one push connection ends.
 *
 * @param inSync the run found nothing to send: the POS had acknowledged every reservation of the window
 */
public record SyncRunCompleted(long restaurantId, long connectionId, Instant at, boolean inSync) {}
