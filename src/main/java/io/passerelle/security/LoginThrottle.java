package io.passerelle.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account name and per source address in a sliding window. Account names
 * that do not exist are counted the same way, so throttling reveals nothing about which accounts exist.
 * Kept in memory per node: a cluster multiplies the allowance by its size, which is acceptable for
 * throttling (not for accounting).
 */
@Component
class LoginThrottle {

    private static final int MAX_TRACKED_KEYS = 100_000;

    private final LoginThrottleSettings settings;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failuresByAccount = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> failuresBySource = new ConcurrentHashMap<>();

    LoginThrottle(LoginThrottleSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    boolean isBlocked(String account, String source) {
        return recentFailures(failuresByAccount, normalise(account)) >= settings.maxFailuresPerAccount()
                || (source != null && recentFailures(failuresBySource, source) >= settings.maxFailuresPerSource());
    }

    void recordFailure(String account, String source) {
        record(failuresByAccount, normalise(account));
        if (source != null) {
            record(failuresBySource, source);
        }
    }

    void recordSuccess(String account) {
        failuresByAccount.remove(normalise(account));
    }

    private int recentFailures(Map<String, Deque<Instant>> failures, String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            Instant horizon = clock.instant().minus(settings.blockDuration());
            while (!times.isEmpty() && times.peekFirst().isBefore(horizon)) {
                times.pollFirst();
            }
            return times.size();
        }
    }

    private void record(Map<String, Deque<Instant>> failures, String key) {
        if (failures.size() >= MAX_TRACKED_KEYS) {
            // An attacker spraying names must not grow memory without bound; forgetting is the safe side here.
            failures.clear();
        }
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.instant());
        }
    }

    private static String normalise(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }
}
