package io.passerelle.sync;

import java.util.List;

/**
 * Published when a window has gone over a page of connections, or a single run ended: one event for many runs, so
 * that what listens (connection health) writes a page at a time.
 */
public record SyncRunsCompleted(List<SyncRunCompleted> runs) {

    public SyncRunsCompleted {
        runs = List.copyOf(runs);
    }
}
