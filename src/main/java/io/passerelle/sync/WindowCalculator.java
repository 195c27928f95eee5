package io.passerelle.sync;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** Which instants a window covers today for a restaurant: days are the restaurant's, DST included. */
@Component
public class WindowCalculator {

    private final Clock clock;

    public WindowCalculator(Clock clock) {
        this.clock = clock;
    }

    public WindowRange range(SyncWindow window, ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = window.firstDay(today);
        LocalDate last = window.lastDay(today);
        return new WindowRange(first, last, first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
