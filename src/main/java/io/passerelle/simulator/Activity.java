package io.passerelle.simulator;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the till has been through, for the control API's state page: counters, recent errors, recent events. */
final class Activity {

    private static final Logger log = LoggerFactory.getLogger(Activity.class);
    private static final int ERRORS_KEPT = 50;
    private static final int EVENTS_KEPT = 200;

    enum Counter {
        /** Every call Passerelle makes to the till (webhooks, pay at table) as it arrives, before the fault knobs. */
        CALLS_RECEIVED,
        WEBHOOKS_RECEIVED,
        SIGNATURES_REJECTED,
        WEBHOOK_DUPLICATES,
        STALE_VERSIONS_IGNORED,
        PULLS,
        RESERVATIONS_PULLED,
        EVENTS_QUEUED,
        EVENTS_DELIVERED,
        EVENT_RETRIES,
        EVENTS_DUPLICATED,
        EVENTS_REJECTED,
        EVENTS_FAILED,
        PAYMENTS_TAKEN,
        RANDOM_SCENARIOS_PLAYED,
        FAULTS_INJECTED;

        /** {@code WEBHOOKS_RECEIVED} is shown as {@code webhooksReceived}. */
        String jsonName() {
            String[] words = name().toLowerCase(Locale.ROOT).split("_");
            StringBuilder name = new StringBuilder(words[0]);
            for (int i = 1; i < words.length; i++) {
                name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
            return name.toString();
        }
    }

    record ErrorRecord(OffsetDateTime at, String installation, String message) {}

    /**
     * @param status QUEUED, RETRYING, DELIVERED, REJECTED (a 4xx Passerelle will not take again) or FAILED (gave up)
     * @param deliveries 2xx answers received; more than one when the duplicate knob sent it again
     */
    record EventRecord(
            String eventId, String type, String installation, String status, int attempts, int deliveries,
            Integer httpStatus, String detail) {}

    private final Clock clock;
    private final Map<Counter, AtomicLong> counters = new EnumMap<>(Counter.class);
    private final Deque<ErrorRecord> errors = new ArrayDeque<>();
    private final Map<String, EventRecord> events = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, EventRecord> eldest) {
            return size() > EVENTS_KEPT;
        }
    };

    Activity(Clock clock) {
        this.clock = clock;
        for (Counter counter : Counter.values()) {
            counters.put(counter, new AtomicLong());
        }
    }

    void count(Counter counter) {
        counters.get(counter).incrementAndGet();
    }

    void count(Counter counter, long delta) {
        counters.get(counter).addAndGet(delta);
    }

    Map<String, Long> counters() {
        Map<String, Long> values = new LinkedHashMap<>();
        counters.forEach((counter, value) -> values.put(counter.jsonName(), value.get()));
        return values;
    }

    void error(String installation, String message) {
        log.warn("{}: {}", installation, message);
        recordError(installation, message);
    }

    /** Shown on the state page like {@link #error}, for a caller that decides itself how loudly to log it. */
    void recordError(String installation, String message) {
        synchronized (errors) {
            errors.addFirst(new ErrorRecord(OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS), installation, message));
            if (errors.size() > ERRORS_KEPT) {
                errors.removeLast();
            }
        }
    }

    List<ErrorRecord> lastErrors() {
        synchronized (errors) {
            return new ArrayList<>(errors);
        }
    }

    void eventQueued(String installation, PosEvent event) {
        count(Counter.EVENTS_QUEUED);
        synchronized (events) {
            events.put(event.eventId(),
                    new EventRecord(event.eventId(), event.type(), installation, "QUEUED", 0, 0, null, null));
        }
    }

    void eventAttempted(String eventId, int attempts, String status, Integer httpStatus, String detail) {
        synchronized (events) {
            events.computeIfPresent(eventId, (id, known) -> new EventRecord(id, known.type(), known.installation(),
                    status, attempts, known.deliveries() + ("DELIVERED".equals(status) ? 1 : 0), httpStatus, detail));
        }
    }

    /** Newest first. */
    List<EventRecord> recentEvents() {
        synchronized (events) {
            List<EventRecord> recent = new ArrayList<>(events.values());
            Collections.reverse(recent);
            return recent;
        }
    }
}
