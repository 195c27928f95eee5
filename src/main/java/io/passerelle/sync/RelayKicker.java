package io.passerelle.sync;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts the relay on its one thread: every poll interval while the application runs, and right after a change queued
 * for a POS commits, so the POS hears of it within moments, not at the next poll. A change that queued nothing (a
 * POS's own news, a restaurant without a push POS) kicks nothing: its claim would find nothing to deliver. Kicks
 * coalesce: while one waits to run, more add nothing. A kick lost in a crash costs only the poll interval.
 */
class RelayKicker implements SmartLifecycle {

    private final OutboxRelay relay;
    private final ThreadPoolTaskScheduler scheduler;
    private final Duration pollInterval;
    private final AtomicBoolean waiting = new AtomicBoolean();
    private volatile ScheduledFuture<?> polling;

    RelayKicker(OutboxRelay relay, ThreadPoolTaskScheduler scheduler, Duration pollInterval) {
        this.relay = relay;
        this.scheduler = scheduler;
        this.pollInterval = pollInterval;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void afterCommit(WebhookQueued queued) {
        kick();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void afterCommit(PayAtTableCallQueued queued) {
        kick();
    }

    void kick() {
        if (waiting.compareAndSet(false, true)) {
            scheduler.execute(() -> {
                waiting.set(false);
                relay.runDue();
            });
        }
    }

    @Override
    public void start() {
        polling = scheduler.scheduleWithFixedDelay(relay::runDue, pollInterval);
    }

    @Override
    public void stop() {
        polling.cancel(false);
        polling = null;
    }

    @Override
    public boolean isRunning() {
        return polling != null;
    }
}
