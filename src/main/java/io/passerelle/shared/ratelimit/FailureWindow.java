package io.passerelle.shared.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failures per key (an account, a source address, a restaurant) in a sliding window. Kept in memory per
 * node: a cluster multiplies the allowance by its size, which is acceptable for throttling (not for accounting).
 */
public final class FailureWindow {

    private static final int MAX_TRACKED_KEYS = 100_000;

    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public FailureWindow(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    /** Failures of this key within the window. */
    public int recentFailures(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            dropExpired(times);
            return times.size();
        }
    }

    /** How long until the key has fewer than {@code limit} failures again; empty when it has fewer already. */
    public Optional<Duration> blockedFor(String key, int limit) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            dropExpired(times);
            if (times.size() < limit) {
                return Optional.empty();
            }
            // the failure that must expire for the count to drop below the limit
            Instant deciding = times.stream().skip(times.size() - limit).findFirst().orElseThrow();
            Duration left = Duration.between(clock.instant(), deciding.plus(window));
            return Optional.of(left.isNegative() ? Duration.ZERO : left);
        }
    }

    public void recordFailure(String key) {
        if (failures.size() >= MAX_TRACKED_KEYS) {
            // An attacker spraying keys must not grow memory without bound; forgetting is the safe side here.
            failures.clear();
        }
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
        }
    }

    public void forget(String key) {
        failures.remove(key);
    }

    private void dropExpired(Deque<Instant> times) {
        Instant horizon = clock.instant().minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(horizon)) {
            times.pollFirst();
        }
    }
}
