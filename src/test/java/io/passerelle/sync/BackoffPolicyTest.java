package io.passerelle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {

    /** The defaults of {@link SyncSettings}. */
    final BackoffPolicy defaults = new BackoffPolicy(Duration.ofSeconds(10), Duration.ofHours(1), 60,
            Duration.ofHours(24));

    @Test
    void ceilingsDoubleFromTheBaseUpToTheCap() {
        assertThat(defaults.ceiling(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.ceiling(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.ceiling(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(defaults.ceiling(9)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(defaults.ceiling(10)).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.ceiling(59)).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.ceiling(10_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void fullJitterSpansZeroToTheCeiling() {
        assertThat(defaults.delay(3, null, () -> 0.0)).isEqualTo(Duration.ZERO);
        assertThat(defaults.delay(3, null, () -> 0.5)).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.delay(3, null, () -> 0.999_999)).isLessThan(Duration.ofSeconds(40))
                .isGreaterThan(Duration.ofMillis(39_990));
        for (int i = 0; i < 1000; i++) {
            assertThat(defaults.delay(12, null)).isBetween(Duration.ZERO, Duration.ofHours(1));
        }
    }

    @Test
    void retryAfterIsAFloor() {
        assertThat(defaults.delay(1, Duration.ofSeconds(30), () -> 0.5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.delay(5, Duration.ofSeconds(30), () -> 0.5)).isEqualTo(Duration.ofSeconds(80));
    }

    @Test
    void theDefaultScheduleSpansMoreThanADay() {
        // 10+20+...+2560 s, then 50 ceilings of an hour; full jitter waits half a ceiling on average
        Duration expected = Duration.ofSeconds((5110 + 50 * 3600) / 2);
        assertThat(defaults.expectedSpan()).isEqualTo(expected).isGreaterThan(Duration.ofHours(24));
    }

    @Test
    void givesUpOnlyAfterTheLastAttemptAndADay() {
        Instant first = Instant.parse("2026-11-23T10:00:00Z");
        assertThat(defaults.givesUp(59, first, first.plus(Duration.ofDays(3)))).isFalse();
        assertThat(defaults.givesUp(60, first, first.plus(Duration.ofHours(23)))).as("unlucky jitter").isFalse();
        assertThat(defaults.givesUp(60, first, first.plus(Duration.ofHours(24)))).isTrue();
    }
}
