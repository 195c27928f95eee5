package io.passerelle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WindowCalculatorTest {

    static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @Test
    void theShortWindowIsYesterdayToAWeekAheadInTheRestaurantsDays() {
        // 23:30 UTC on 23 November is already 24 November in Rome
        var calculator = new WindowCalculator(Clock.fixed(Instant.parse("2026-11-23T23:30:00Z"), ZoneOffset.UTC));

        WindowRange range = calculator.range(SyncWindow.SHORT, ROME);

        assertThat(range.firstDay()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(range.lastDay()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(range.from()).isEqualTo(Instant.parse("2026-11-22T23:00:00Z"));
        assertThat(range.to()).isEqualTo(Instant.parse("2026-12-01T23:00:00Z"));
    }

    @Test
    void windowsAcrossTheSpringDstChangeEndAtTheRestaurantsMidnight() {
        // Rome moves to +02:00 on 29 March 2026
        var calculator = new WindowCalculator(Clock.fixed(Instant.parse("2026-03-25T12:00:00Z"), ZoneOffset.UTC));

        WindowRange shortRange = calculator.range(SyncWindow.SHORT, ROME);
        WindowRange longRange = calculator.range(SyncWindow.LONG, ROME);

        assertThat(shortRange.from()).isEqualTo(Instant.parse("2026-03-23T23:00:00Z"));
        assertThat(shortRange.lastDay()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(shortRange.to()).as("midnight after 1 April, summer time").isEqualTo(Instant.parse("2026-04-01T22:00:00Z"));
        assertThat(longRange.firstDay()).isEqualTo(LocalDate.of(2026, 3, 24));
        assertThat(longRange.lastDay()).isEqualTo(LocalDate.of(2026, 5, 25));
        assertThat(longRange.to()).isEqualTo(Instant.parse("2026-05-25T22:00:00Z"));
    }

    @Test
    void theLongWindowAcrossTheAutumnChange() {
        // Rome moves back to +01:00 on 25 October 2026; it is 23:59:59 on 24 October there
        var calculator = new WindowCalculator(Clock.fixed(Instant.parse("2026-10-24T21:59:59Z"), ZoneOffset.UTC));

        WindowRange range = calculator.range(SyncWindow.LONG, ROME);

        assertThat(range.firstDay()).isEqualTo(LocalDate.of(2026, 10, 23));
        assertThat(range.from()).as("summer time").isEqualTo(Instant.parse("2026-10-22T22:00:00Z"));
        assertThat(range.lastDay()).isEqualTo(LocalDate.of(2026, 12, 24));
        assertThat(range.to()).as("winter time").isEqualTo(Instant.parse("2026-12-24T23:00:00Z"));
    }
}
