package io.passerelle.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How big the benchmark plays. {@link #FULL} is issue 6's table; {@link #MEDIUM} a tenth of its data;
 * {@link #SMOKE} runs every scenario on a handful of rows to prove the suite still works (the normal test run
 * plays it).
 *
 * @param fullWindowRestaurants  restaurants whose first sync is the full-window scenario
 * @param reservationsPerRestaurant reservations seeded per restaurant, spread over the 2-month window
 * @param quietRestaurants       the quiet cycle's points on the scaling curve, ascending
 * @param changedShare           share of the reservations changed before a quiet cycle
 * @param changesPerSecond       change latency: the pace of reservation changes ...
 * @param changeDuration         ... and for how long (the floor plays {@link #floorChangeDuration})
 * @param singleEvents           events in: events posted one per request
 * @param batchedEvents          events in: events posted in batches of {@link #EVENT_BATCH}
 * @param logRows                sync log lines of the one tenant the log view is measured on
 * @param sessions               browser sessions held open with the reservations view
 */
record BenchScale(String name, int fullWindowRestaurants, int reservationsPerRestaurant, List<Integer> quietRestaurants,
        double changedShare, int changesPerSecond, Duration changeDuration, Duration floorChangeDuration,
        int singleEvents, int batchedEvents, int logRows, int sessions) {

    static final int EVENT_BATCH = 100;
    /** Reservations changed at once: also the restaurants an event client or a change worker uses. */
    static final int CLIENT_THREADS = 4;

    static final BenchScale FULL = new BenchScale("full", 500, 120, List.of(1_000, 2_000, 5_000), 0.005, 50,
            Duration.ofSeconds(60), Duration.ofSeconds(20), 4_000, 20_000, 5_000_000, 50);

    /** A tenth of the data of {@link #FULL} (the pace of changes kept): for a crowded machine. */
    static final BenchScale MEDIUM = new BenchScale("medium", 50, 120, List.of(100, 200, 500), 0.005, 50,
            Duration.ofSeconds(30), Duration.ofSeconds(10), 1_000, 5_000, 1_000_000, 20);

    static final BenchScale SMOKE = new BenchScale("smoke", 4, 12, List.of(4, 8, 12), 0.005, 10,
            Duration.ofSeconds(2), Duration.ofSeconds(1), 20, 100, 5_000, 3);

    static BenchScale named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "full" -> FULL;
            case "medium" -> MEDIUM;
            case "smoke" -> SMOKE;
            default -> throw new IllegalArgumentException("Unknown bench scale '" + name + "': full, medium or smoke");
        };
    }

    /** Every restaurant seeded: the largest quiet-cycle point (the full-window ones are among them). */
    int restaurants() {
        return Math.max(fullWindowRestaurants, quietRestaurants.getLast());
    }

    int changedReservations(int restaurants) {
        return Math.max(1, (int) Math.round(restaurants * reservationsPerRestaurant * changedShare));
    }
}
