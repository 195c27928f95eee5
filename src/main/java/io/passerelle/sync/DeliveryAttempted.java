package io.passerelle.sync;

import io.passerelle.partner.CallFailure;
import java.time.Duration;
import java.time.Instant;

/**
 * One call to a push POS, once its outcome is recorded: what connection health and alerts are built on. Published
 * a relay batch at a time ({@link DeliveriesAttempted}), on the relay's thread: listeners must be quick and must
 * not throw.
 *
 * @param delay from the change being queued to this attempt's answer (the delay people feel)
 */
public record DeliveryAttempted(long restaurantId, long connectionId, Instant at, Outcome outcome, Duration delay) {

    public enum Outcome {
        /** The POS acknowledged the message. */
        DELIVERED,
        /**
         * The connection is in trouble: the POS could not be reached or failed (network, timeout, 5xx, 429), or
         * refuses every call (credentials, certificate, unknown restaurant, connection removed).
         */
        CONNECTION_FAILED,
        /** The POS answered and refused this one message (another 4xx): it is alive, the message is what failed. */
        MESSAGE_REFUSED;

        static Outcome of(CallFailure failure) {
            return failure == CallFailure.REJECTED || failure == CallFailure.GARBAGE_BODY ? MESSAGE_REFUSED
                    : CONNECTION_FAILED;
        }
    }
}
