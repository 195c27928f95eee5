package io.passerelle.sync;

import java.util.concurrent.atomic.AtomicBoolean;

/** A manual sync under way: cancellable from any thread; the run stops at the next reservation. */
public final class ManualSync {

    private final long connectionId;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    ManualSync(long connectionId) {
        this.connectionId = connectionId;
    }

    public long connectionId() {
        return connectionId;
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }
}
