package io.passerelle.sync;

import java.time.Instant;

/**
 * A window or manual sync of one push connection ended (published in pages, {@link SyncRunsCompleted}).
 *
 * @param inSync the run found nothing to send: the POS had acknowledged every reservation of the window
 */
public record SyncRunCompleted(long restaurantId, long connectionId, Instant at, boolean inSync) {}
