package io.passerelle.simulator;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import io.passerelle.simulator.Activity.Counter;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Stands in front of everything the till serves to Passerelle (webhooks, pay at table; never the control API)
 * and misbehaves as the knobs say: drops connections, answers late, hangs past the caller's timeout, or fails.
 */
final class FaultInjector extends Filter {

    private final LiveKnobs knobs;
    private final Activity activity;
    private final CountDownLatch stopping;

    /** @param stopping counted down when the simulator stops, so that hanging calls let go at once */
    FaultInjector(LiveKnobs knobs, Activity activity, CountDownLatch stopping) {
        this.knobs = knobs;
        this.activity = activity;
        this.stopping = stopping;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        activity.count(Counter.CALLS_RECEIVED);
        Knobs now = knobs.current();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (now.refuseConnections()) {
            dropConnection(exchange);
            return;
        }
        long delay = now.latencyMs() + (now.jitterMs() > 0 ? random.nextLong(now.jitterMs() + 1) : 0);
        if (delay > 0 && pause(delay)) {
            dropConnection(exchange);
            return;
        }
        if (random.nextDouble() < now.timeoutRate()) {
            pause(now.timeoutMs());
            dropConnection(exchange);
            return;
        }
        if (random.nextDouble() < now.errorRate()) {
            activity.count(Counter.FAULTS_INJECTED);
            try (exchange) {
                Exchanges.sendProblem(exchange, PosProblem.simulated(now.errorStatus(), now.retryAfterSeconds()));
            }
            return;
        }
        chain.doFilter(exchange);
    }

    /** Closing before any answer was sent drops the connection: the caller sees it reset, as with a crashed till. */
    private void dropConnection(HttpExchange exchange) {
        activity.count(Counter.FAULTS_INJECTED);
        exchange.close();
    }

    /** Waits, or gives up as soon as the simulator stops; true when it stopped meanwhile. */
    private boolean pause(long millis) {
        try {
            return stopping.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public String description() {
        return "injects latency, errors, timeouts and dropped connections as the fault knobs say";
    }
}
