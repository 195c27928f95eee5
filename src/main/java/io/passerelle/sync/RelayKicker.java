package io.passerelle.sync;

import io.passerelle.reservation.ReservationChanged;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts the relay right after a change commits, so the POS hears of it within moments, not at the next
 * poll. Kicks coalesce: while one waits to run, more add nothing. A kick lost in a crash costs only the
 * poll interval.
 */
class RelayKicker {

    private final OutboxRelay relay;
    private final ThreadPoolTaskScheduler scheduler;
    private final AtomicBoolean waiting = new AtomicBoolean();

    RelayKicker(OutboxRelay relay, ThreadPoolTaskScheduler scheduler) {
        this.relay = relay;
        this.scheduler = scheduler;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void afterCommit(ReservationChanged change) {
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
}
