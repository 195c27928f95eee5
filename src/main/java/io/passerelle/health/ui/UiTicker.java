package io.passerelle.health.ui;

import com.vaadin.flow.shared.Registration;
import io.passerelle.health.HealthSettings;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * One small timer for every open badge on this node, so "N minutes ago" and its colour move on without a
 * reload. Ticks call no service: a badge re-renders from what it already knows (Push delivers it).
 */
@Component
class UiTicker implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ui-ticker").daemon().factory());
    private final long periodMillis;

    UiTicker(HealthSettings settings) {
        this.periodMillis = settings.badgeRefresh().toMillis();
    }

    Registration every(Runnable tick) {
        ScheduledFuture<?> scheduled = timer.scheduleAtFixedRate(tick, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return () -> scheduled.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
