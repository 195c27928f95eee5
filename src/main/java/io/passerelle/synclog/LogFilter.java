package io.passerelle.synclog;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * What a person asks of the sync log. Every field is optional: null means "any".
 *
 * @param restaurantId  one restaurant, or null for every restaurant the person may see
 * @param from          lines at or after this instant
 * @param to            lines before this instant
 * @param partnerCode   the partner's code, exactly
 * @param messageType   the message or event type, e.g. {@code reservation.upserted}, exactly
 * @param reservationId the reservation the lines are about
 * @param text          found in the message id, the error code or the error's wording
 */
public record LogFilter(
        @Positive Long restaurantId,
        Instant from,
        Instant to,
        LogDirection direction,
        @Size(max = SyncLogEntry.PARTNER_CODE_MAX) String partnerCode,
        @Size(max = SyncLogEntry.MESSAGE_TYPE_MAX) String messageType,
        LogOutcome outcome,
        @Positive Long reservationId,
        @Size(max = LogFilter.TEXT_MAX) String text) {

    public static final int TEXT_MAX = 100;

    public static LogFilter restaurant(long restaurantId) {
        return new LogFilter(restaurantId, null, null, null, null, null, null, null, null);
    }

    public LogFilter withPeriod(Instant from, Instant to) {
        return new LogFilter(restaurantId, from, to, direction, partnerCode, messageType, outcome, reservationId, text);
    }

    public LogFilter withOutcome(LogOutcome outcome) {
        return new LogFilter(restaurantId, from, to, direction, partnerCode, messageType, outcome, reservationId, text);
    }
}
