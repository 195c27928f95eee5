package io.passerelle.partner.webhook;

import io.passerelle.partner.CallFailure;
import io.passerelle.partner.PosVersion;
import io.passerelle.partner.PushDeliveryOutcome;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javax.net.ssl.SSLException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns what a POS answered, or how the call failed, into a {@link PushDeliveryOutcome}. */
final class DeliveryClassifier {

    private final JsonMapper json;
    private final Clock clock;

    DeliveryClassifier(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    PushDeliveryOutcome answer(int status, Optional<String> retryAfter, byte[] body) {
        if (status >= 200 && status < 300) {
            return acknowledged(status, body);
        }
        return refused(status, retryAfter);
    }

    /** Any status but 2xx. */
    PushDeliveryOutcome refused(int status, Optional<String> retryAfter) {
        return switch (status) {
            case 401, 403 -> PushDeliveryOutcome.failed(CallFailure.BAD_TOKEN, status, null);
            case 404 -> PushDeliveryOutcome.failed(CallFailure.UNKNOWN_RESTAURANT, status, null);
            case 410 -> PushDeliveryOutcome.failed(CallFailure.GONE, status, null);
            case 408, 429 -> temporaryError(status, retryAfter);
            default -> status >= 500
                    ? temporaryError(status, retryAfter)
                    // other 4xx, and redirects: they are never followed, a webhook URL must answer itself
                    : PushDeliveryOutcome.failed(CallFailure.REJECTED, status, null);
        };
    }

    /**
     * Only I/O failures are the POS's doing; anything else is a bug here and is thrown back as it came.
     */
    PushDeliveryOutcome failure(Exception callFailure) {
        for (Throwable cause = callFailure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return PushDeliveryOutcome.failed(CallFailure.CERTIFICATE_INVALID);
            }
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return PushDeliveryOutcome.failed(CallFailure.TIMED_OUT);
            }
        }
        for (Throwable cause = callFailure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return PushDeliveryOutcome.failed(CallFailure.UNREACHABLE);
            }
        }
        throw callFailure instanceof RuntimeException runtime ? runtime : new IllegalStateException(callFailure);
    }

    /** A 2xx acknowledges; its body, when there is one, is a JSON object that may carry the POS version. */
    private PushDeliveryOutcome acknowledged(int status, byte[] body) {
        if (isBlank(body)) {
            return PushDeliveryOutcome.delivered(status, null);
        }
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (JacksonException e) {
            return PushDeliveryOutcome.failed(CallFailure.GARBAGE_BODY, status, null);
        }
        if (answer == null || !answer.isObject()) {
            return PushDeliveryOutcome.failed(CallFailure.GARBAGE_BODY, status, null);
        }
        JsonNode version = answer.get("posVersion");
        if (version == null || version.isNull()) {
            return PushDeliveryOutcome.delivered(status, null);
        }
        Optional<PosVersion> parsed = version.isString() ? PosVersion.tryParse(version.asString()) : Optional.empty();
        return parsed.map(v -> PushDeliveryOutcome.delivered(status, v))
                .orElseGet(() -> PushDeliveryOutcome.failed(CallFailure.GARBAGE_BODY, status, null));
    }

    private PushDeliveryOutcome temporaryError(int status, Optional<String> retryAfter) {
        return PushDeliveryOutcome.failed(CallFailure.TEMPORARY_ERROR, status, retryAfter.flatMap(this::delay).orElse(null));
    }

    /** Retry-After is either seconds or an HTTP date (RFC 9110). */
    private Optional<Duration> delay(String retryAfter) {
        String value = retryAfter.strip();
        if (value.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            var until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration delay = Duration.between(clock.instant(), until);
            return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }
}
