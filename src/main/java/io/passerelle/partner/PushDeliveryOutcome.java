package io.passerelle.partner;

import java.time.Duration;
import java.util.Optional;

/**
 * What came of one call to a POS webhook.
 *
 * @param failure    null when the POS acknowledged the message (2xx)
 * @param httpStatus the POS's status code; 0 when no HTTP answer came
 * @param retryAfter how long the POS asked us to wait (Retry-After), or null
 * @param posVersion the version the POS reported in its answer ({@code {"posVersion": "2.0.16"}}), or null
 */
public record PushDeliveryOutcome(CallFailure failure, int httpStatus, Duration retryAfter, PosVersion posVersion) {

    public static PushDeliveryOutcome delivered(int httpStatus, PosVersion posVersion) {
        return new PushDeliveryOutcome(null, httpStatus, null, posVersion);
    }

    public static PushDeliveryOutcome failed(CallFailure failure, int httpStatus, Duration retryAfter) {
        return new PushDeliveryOutcome(failure, httpStatus, retryAfter, null);
    }

    public static PushDeliveryOutcome failed(CallFailure failure) {
        return failed(failure, 0, null);
    }

    public boolean delivered() {
        return failure == null;
    }

    public boolean retryable() {
        return failure != null && failure.retryable();
    }

    public Optional<PosVersion> reportedPosVersion() {
        return Optional.ofNullable(posVersion);
    }
}
