package io.passerelle.simulator;

import io.passerelle.simulator.Activity.Counter;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The till's outgoing events, delivered to Passerelle one at a time in the order they happened, each retried
 * with exponential backoff on 5xx, 429 (after its Retry-After) and timeouts. A retry sends the very same bytes,
 * same eventId, so Passerelle's idempotency is what keeps it from counting twice. The duplicate and
 * out-of-order knobs misbehave on purpose, as flaky tills do.
 */
final class EventOutbox {

    private static final Logger log = LoggerFactory.getLogger(EventOutbox.class);
    /** With out-of-order on, an event waits this long for a later one to overtake it. */
    static final Duration OVERTAKE_WINDOW = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    private record Outgoing(String eventId, String type, byte[] body) {}

    private final InstallationSettings installation;
    private final PasserelleClient passerelle;
    private final LiveKnobs knobs;
    private final Activity activity;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final BlockingQueue<Outgoing> queue = new LinkedBlockingQueue<>();
    private final Thread courier;

    EventOutbox(InstallationSettings installation, PasserelleClient passerelle, LiveKnobs knobs, Activity activity,
            int maxAttempts, Duration firstBackoff) {
        this.installation = installation;
        this.passerelle = passerelle;
        this.knobs = knobs;
        this.activity = activity;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.courier = Thread.ofVirtual().name("outbox-" + installation.installationId()).unstarted(this::deliverForever);
    }

    void start() {
        courier.start();
    }

    void stop() {
        courier.interrupt();
    }

    void enqueue(PosEvent event) {
        // Serialised once: every retry and duplicate carries identical bytes.
        queue.add(new Outgoing(event.eventId(), event.type(), Json.MAPPER.writeValueAsBytes(event)));
        activity.eventQueued(installation.installationId(), event);
    }

    private void deliverForever() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Outgoing next = queue.take();
                if (knobs.current().outOfOrder()) {
                    Outgoing later = queue.poll(OVERTAKE_WINDOW.toMillis(), TimeUnit.MILLISECONDS);
                    if (later != null) {
                        deliverMaybeTwice(later);
                    }
                }
                deliverMaybeTwice(next);
            }
        } catch (InterruptedException stopping) {
            if (!queue.isEmpty()) {
                log.info("{}: stopped with {} event(s) undelivered", installation.installationId(), queue.size());
            }
        }
    }

    private void deliverMaybeTwice(Outgoing event) throws InterruptedException {
        deliver(event);
        if (ThreadLocalRandom.current().nextDouble() < knobs.current().duplicateRate()) {
            activity.count(Counter.EVENTS_DUPLICATED);
            deliver(event);
        }
    }

    private void deliver(Outgoing event) throws InterruptedException {
        String problem = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Duration wait = backoff(attempt);
            try {
                PasserelleClient.Reply reply = passerelle.postEvent(installation, event.body());
                if (reply.isSuccess()) {
                    activity.count(Counter.EVENTS_DELIVERED);
                    activity.eventAttempted(event.eventId(), attempt, "DELIVERED", reply.status(), null);
                    return;
                }
                problem = reply.summary();
                if (!reply.isRetryable()) {
                    activity.count(Counter.EVENTS_REJECTED);
                    activity.eventAttempted(event.eventId(), attempt, "REJECTED", reply.status(), problem);
                    activity.error(installation.installationId(), event.type() + " " + event.eventId()
                            + " rejected by Passerelle: " + problem);
                    return;
                }
                wait = reply.retryAfter().flatMap(EventOutbox::seconds).orElse(wait);
                activity.eventAttempted(event.eventId(), attempt, "RETRYING", reply.status(), problem);
            } catch (IOException unreachable) {
                problem = PasserelleClient.describe(unreachable);
                activity.eventAttempted(event.eventId(), attempt, "RETRYING", null, problem);
            }
            if (attempt < maxAttempts) {
                activity.count(Counter.EVENT_RETRIES);
                Thread.sleep(min(wait, LONGEST_WAIT));
            }
        }
        activity.count(Counter.EVENTS_FAILED);
        activity.eventAttempted(event.eventId(), maxAttempts, "FAILED", null, problem);
        activity.error(installation.installationId(), event.type() + " " + event.eventId() + " given up after "
                + maxAttempts + " attempts: " + problem);
    }

    /** Doubles at each attempt, with up to half again of random jitter so that tills do not retry in step. */
    private Duration backoff(int attempt) {
        long base = firstBackoff.toMillis() << Math.min(attempt - 1, 20);
        long jitter = base > 0 ? ThreadLocalRandom.current().nextLong(base / 2 + 1) : 0;
        return Duration.ofMillis(base + jitter);
    }

    private static Optional<Duration> seconds(String retryAfter) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(retryAfter.trim())));
        } catch (NumberFormatException httpDate) {
            return Optional.empty();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
