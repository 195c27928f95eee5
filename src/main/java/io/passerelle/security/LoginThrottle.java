package io.passerelle.security;

import io.passerelle.shared.ratelimit.FailureWindow;
import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per account name and per source address in a sliding window. Account names
 * that do not exist are counted the same way, so throttling reveals nothing about which accounts exist.
 */
@Component
class LoginThrottle {

    private final LoginThrottleSettings settings;
    private final FailureWindow failuresByAccount;
    private final FailureWindow failuresBySource;

    LoginThrottle(LoginThrottleSettings settings, Clock clock) {
        this.settings = settings;
        this.failuresByAccount = new FailureWindow(settings.blockDuration(), clock);
        this.failuresBySource = new FailureWindow(settings.blockDuration(), clock);
    }

    boolean isBlocked(String account, String source) {
        return failuresByAccount.recentFailures(normalise(account)) >= settings.maxFailuresPerAccount()
                || (source != null && failuresBySource.recentFailures(source) >= settings.maxFailuresPerSource());
    }

    void recordFailure(String account, String source) {
        failuresByAccount.recordFailure(normalise(account));
        if (source != null) {
            failuresBySource.recordFailure(source);
        }
    }

    void recordSuccess(String account) {
        failuresByAccount.forget(normalise(account));
    }

    private static String normalise(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }
}
