package io.passerelle.sync;

/**
 * How deliveries to one push connection go.
 *
 * @param retrying messages that failed at least once and wait for another attempt
 * @param failed   messages that failed for good and wait for a replay
 */
public record ConnectionHealth(Status status, long retrying, long failed) {

    public enum Status {
        HEALTHY,
        /** The circuit breaker is open (the POS looks down), or messages are being retried. */
        DEGRADED
    }
}
