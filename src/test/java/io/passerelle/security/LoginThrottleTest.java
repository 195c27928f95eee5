package io.passerelle.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sliding window on its own, with a clock the test moves. */
class LoginThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final MovableClock clock = new MovableClock(Instant.parse("2025-03-01T19:30:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottleSettings(5, 20, WINDOW), clock);

    @Test
    void blocksAnAccountAfterFiveFailuresUntilTheWindowHasPassed() {
        failTimes("maria@example.com", "10.0.0.1", 4);
        assertThat(throttle.isBlocked("maria@example.com", "10.0.0.1")).isFalse();

        throttle.recordFailure("maria@example.com", "10.0.0.1");
        assertThat(throttle.isBlocked("maria@example.com", "10.0.0.2")).as("blocked from any address").isTrue();
        assertThat(throttle.isBlocked(" MARIA@example.com ", null)).as("however it is spelled").isTrue();
        assertThat(throttle.isBlocked("luca@example.com", "10.0.0.3")).as("others are not").isFalse();

        clock.advance(WINDOW.minusSeconds(1));
        assertThat(throttle.isBlocked("maria@example.com", null)).isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(throttle.isBlocked("maria@example.com", null)).isFalse();
    }

    @Test
    void theWindowSlides() {
        failTimes("anna@example.com", null, 3);
        clock.advance(Duration.ofMinutes(10));
        failTimes("anna@example.com", null, 2);
        assertThat(throttle.isBlocked("anna@example.com", null)).isTrue();

        clock.advance(Duration.ofMinutes(6));
        assertThat(throttle.isBlocked("anna@example.com", null)).as("the first three have expired").isFalse();
    }

    @Test
    void blocksASourceAddressSprayingManyAccounts() {
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure("account-" + i + "@example.com", "203.0.113.9");
        }

        assertThat(throttle.isBlocked("fresh@example.com", "203.0.113.9")).isTrue();
        assertThat(throttle.isBlocked("fresh@example.com", "198.51.100.1")).isFalse();
        clock.advance(WINDOW.plusSeconds(1));
        assertThat(throttle.isBlocked("fresh@example.com", "203.0.113.9")).isFalse();
    }

    @Test
    void successForgetsTheAccountsFailures() {
        failTimes("gianni@example.com", null, 4);
        throttle.recordSuccess("gianni@example.com");
        failTimes("gianni@example.com", null, 4);

        assertThat(throttle.isBlocked("gianni@example.com", null)).isFalse();
    }

    private void failTimes(String account, String source, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(account, source);
        }
    }
}
