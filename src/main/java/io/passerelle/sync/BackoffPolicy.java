package io.passerelle.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: before attempt n+1 the relay waits a random time between zero and
 * min(cap, base * 2^(n-1)), spreading the retries of many messages to a POS that comes back. A Retry-After
 * from the POS is a floor. A message is given up (FAILED, replayable) only after {@code maxAttempts} AND at
 * least {@code minimumRetrySpan} since its first failure: jitter alone could not guarantee the span.
 */
public record BackoffPolicy(Duration base, Duration cap, int maxAttempts, Duration minimumRetrySpan) {

    /** The highest delay after the given number of failed attempts (1 = after the first). */
    public Duration ceiling(int failedAttempts) {
        long capMillis = cap.toMillis();
        long millis = base.toMillis();
        for (int doubling = 1; doubling < failedAttempts && millis < capMillis; doubling++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, capMillis));
    }

    public Duration delay(int failedAttempts, Duration retryAfter) {
        return delay(failedAttempts, retryAfter, ThreadLocalRandom.current()::nextDouble);
    }

    /** @param random a uniform value in [0, 1) */
    Duration delay(int failedAttempts, Duration retryAfter, DoubleSupplier random) {
        Duration jittered = Duration.ofMillis((long) (ceiling(failedAttempts).toMillis() * random.getAsDouble()));
        return retryAfter != null && retryAfter.compareTo(jittered) > 0 ? retryAfter : jittered;
    }

    public boolean givesUp(int failedAttempts, Instant firstFailureAt, Instant now) {
        return failedAttempts >= maxAttempts && !now.isBefore(firstFailureAt.plus(minimumRetrySpan));
    }

    /** The mean time from the first failure to the last attempt: half of every ceiling. */
    public Duration expectedSpan() {
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            total = total.plus(ceiling(attempt).dividedBy(2));
        }
        return total;
    }
}
