package io.passerelle.synclog;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * What a person asks of the sync log. Every field is optional: null means "any".
 *
 * @param restaurantId  one restaurant, or null for every restaurant the person may see
 * @param from          lines at or after this instant
 * @param to            lines before this instant
 * @param partnerCode   the partner's code, exactly
 * @param messageType   the message or event type, e.g. {@code reservation.upserted}, exactly
 * @param reservationId the reservation the lines are about
 * @param text          found in the message id, the error code or the error's wording; a pasted message or event id
 *                      (see {@link #messageIdSearched()}) is found by exact match in the whole log, whatever the period
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

    /**
     * What a message or event id looks like: a UUID, bare (the POS simulators' event ids, and what the partner
     * protocol recommends for {@code eventId}) or after {@code msg_} (every message id Passerelle writes: outbox
     * deliveries, credential tests and pay-at-table calls are all {@code "msg_" + UUID.randomUUID()}). Case does
     * not matter (the column's collation ignores it). Anything else is a word, searched within the period.
     */
    private static final Pattern MESSAGE_ID = Pattern.compile(
            "(?i)(msg_)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public static LogFilter restaurant(long restaurantId) {
        return new LogFilter(restaurantId, null, null, null, null, null, null, null, null);
    }

    public LogFilter withPeriod(Instant from, Instant to) {
        return new LogFilter(restaurantId, from, to, direction, partnerCode, messageType, outcome, reservationId, text);
    }

    public LogFilter withText(String text) {
        return new LogFilter(restaurantId, from, to, direction, partnerCode, messageType, outcome, reservationId, text);
    }

    /** The message or event id the text is, stripped; null when the text is a word to look for (or empty). */
    public String messageIdSearched() {
        return looksLikeMessageId(text) ? text.strip() : null;
    }

    public static boolean looksLikeMessageId(String text) {
        return text != null && MESSAGE_ID.matcher(text.strip()).matches();
    }

    public LogFilter withOutcome(LogOutcome outcome) {
        return new LogFilter(restaurantId, from, to, direction, partnerCode, messageType, outcome, reservationId, text);
    }
}
