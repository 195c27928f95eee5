package io.passerelle.simulator;

/**
 * Everything that may change while the simulator runs ({@code POST /control/faults}): how the POS answers
 * the calls Passerelle makes to it, how it delivers its own events, and how busy the random player is.
 *
 * @param latencyMs fixed delay before every answer the POS serves
 * @param jitterMs random extra delay, 0 to jitterMs
 * @param errorRate share (0..1) of served calls answered with {@code errorStatus} instead
 * @param errorStatus the status of those answers: 500, 503, 429 (with Retry-After), 410, ...
 * @param retryAfterSeconds the Retry-After sent with a 429 or 503
 * @param timeoutRate share (0..1) of served calls left hanging for {@code timeoutMs}, then dropped unanswered
 * @param timeoutMs how long such a call hangs; make it longer than the caller's timeout
 * @param refuseConnections drop every served call without an answer, as a crashed till would
 * @param duplicateRate share (0..1) of events delivered to Passerelle a second time, same eventId
 * @param outOfOrder deliver consecutive events swapped (the later one first)
 * @param scenariosPerMinute random scenarios played per minute; 0 plays only on command
 */
public record Knobs(
        long latencyMs,
        long jitterMs,
        double errorRate,
        int errorStatus,
        int retryAfterSeconds,
        double timeoutRate,
        long timeoutMs,
        boolean refuseConnections,
        double duplicateRate,
        boolean outOfOrder,
        double scenariosPerMinute) {

    /** A well-behaved till that plays only on command. */
    public static final Knobs NONE = new Knobs(0, 0, 0, 500, 30, 0, 60_000, false, 0, false, 0);

    public Knobs {
        requireAtLeastZero("latencyMs", latencyMs);
        requireAtLeastZero("jitterMs", jitterMs);
        requireAtLeastZero("timeoutMs", timeoutMs);
        requireAtLeastZero("retryAfterSeconds", retryAfterSeconds);
        requireAtLeastZero("scenariosPerMinute", scenariosPerMinute);
        requireShare("errorRate", errorRate);
        requireShare("timeoutRate", timeoutRate);
        requireShare("duplicateRate", duplicateRate);
        if (errorStatus < 400 || errorStatus > 599) {
            throw new IllegalArgumentException("errorStatus must be an HTTP error status (400-599), was " + errorStatus);
        }
    }

    private static void requireAtLeastZero(String name, double value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }

    private static void requireShare(String name, double value) {
        if (value < 0 || value > 1) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + value);
        }
    }
}
