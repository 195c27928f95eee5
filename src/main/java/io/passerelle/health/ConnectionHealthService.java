package io.passerelle.health;

import io.passerelle.health.HealthStore.HealthRecord;
import io.passerelle.health.HealthStore.HourFigures;
import io.passerelle.restaurant.RestaurantAccess;
import io.passerelle.shared.NotFoundException;
import io.passerelle.sync.SyncService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Connection health for people: onboarding sees every restaurant, reseller support its reseller's, an owner
 * their own (the tenant wall's scope). Figures come from the hourly rollup: per page, one query for the rows
 * and one for the figures of their connections.
 */
@Service
public class ConnectionHealthService {

    static final int CHART_DAYS = 7;

    private final HealthStore store;
    private final RestaurantAccess access;
    private final SyncService sync;
    private final HealthSettings settings;
    private final Clock clock;

    ConnectionHealthService(HealthStore store, RestaurantAccess access, SyncService sync, HealthSettings settings,
            Clock clock) {
        this.store = store;
        this.access = access;
        this.sync = sync;
        this.settings = settings;
        this.clock = clock;
    }

    /** Most urgent first: failing for longer than {@code long-failure}, failing, degraded, healthy, disabled. */
    @Transactional(readOnly = true)
    public List<ConnectionHealthRow> page(int offset, int limit) {
        Instant now = clock.instant();
        return rows(store.page(access.scope(), now, settings.degradedFor(), settings.longFailure(), offset, limit), now);
    }

    @Transactional(readOnly = true)
    public long count() {
        return store.count(access.scope());
    }

    @Transactional(readOnly = true)
    public ConnectionHealthRow get(long restaurantId, long connectionId) {
        access.check(restaurantId);
        HealthRecord record = store.find(restaurantId, connectionId)
                .orElseThrow(() -> NotFoundException.forId("Connection", connectionId));
        return rows(List.of(record), clock.instant()).getFirst();
    }

    /** The newest successful sync of the restaurant's enabled connections; empty: never synced. */
    @Transactional(readOnly = true)
    public Optional<Instant> lastSuccessfulSync(long restaurantId) {
        access.check(restaurantId);
        return store.lastSuccessfulSync(restaurantId);
    }

    /** How stale a restaurant's last successful sync is now, by the configured thresholds. */
    public Staleness staleness(Instant lastSuccessfulSync) {
        return Staleness.of(lastSuccessfulSync, clock.instant(), settings);
    }

    private List<ConnectionHealthRow> rows(List<HealthRecord> records, Instant now) {
        List<Long> ids = records.stream().map(HealthRecord::connectionId).toList();
        Set<Long> resting = sync.restingConnections(ids);
        Instant chartStart = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(CHART_DAYS + 1));
        Map<Long, List<HourFigures>> hours = store.hours(ids, chartStart).stream()
                .collect(Collectors.groupingBy(HourFigures::connectionId));
        Instant dayAgo = now.minus(Duration.ofHours(24));
        var rows = new ArrayList<ConnectionHealthRow>(records.size());
        for (HealthRecord record : records) {
            List<HourFigures> figures = hours.getOrDefault(record.connectionId(), List.of());
            List<HourFigures> lastDay = figures.stream().filter(hour -> !hour.hourStart().isBefore(
                    dayAgo.truncatedTo(ChronoUnit.HOURS))).toList();
            int deliveries = lastDay.stream().mapToInt(HourFigures::deliveries).sum();
            int failures = lastDay.stream().mapToInt(HourFigures::failures).sum();
            long delaySum = lastDay.stream().mapToLong(HourFigures::delayMsSum).sum();
            rows.add(new ConnectionHealthRow(record.restaurantId(), record.restaurantName(), record.timeZone(),
                    record.connectionId(),
                    record.partnerCode(), state(record, resting.contains(record.connectionId()), now),
                    record.failingSince(), record.pull() ? record.lastSeenAt() : record.lastSuccessAt(),
                    record.lastSeenAt(), deliveries, failures,
                    deliveries == 0 ? null : Duration.ofMillis(delaySum / deliveries),
                    days(record, figures, now)));
        }
        return rows;
    }

    HealthState state(HealthRecord record, boolean breakerResting, Instant now) {
        if (!record.enabled()) {
            return HealthState.DISABLED;
        }
        if (record.failingSince() != null && !record.failingSince().isAfter(now.minus(settings.degradedFor()))) {
            return HealthState.FAILING;
        }
        return record.failingSince() != null || breakerResting ? HealthState.DEGRADED : HealthState.HEALTHY;
    }

    private static List<DayFigures> days(HealthRecord record, List<HourFigures> figures, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, record.timeZone());
        Map<LocalDate, List<HourFigures>> byDay = figures.stream()
                .collect(Collectors.groupingBy(hour -> LocalDate.ofInstant(hour.hourStart(), record.timeZone())));
        var days = new ArrayList<DayFigures>(CHART_DAYS);
        for (LocalDate day = today.minusDays(CHART_DAYS - 1); !day.isAfter(today); day = day.plusDays(1)) {
            List<HourFigures> hours = byDay.getOrDefault(day, List.of());
            days.add(new DayFigures(day, hours.stream().mapToInt(HourFigures::deliveries).sum(),
                    hours.stream().mapToInt(HourFigures::failures).sum()));
        }
        return days;
    }
}
