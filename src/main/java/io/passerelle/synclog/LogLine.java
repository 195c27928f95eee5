package io.passerelle.synclog;

import java.time.Instant;

/**
 * A line of the log as a list shows it: everything but the request and response bodies, which can be large
 * and are read one line at a time ({@link SyncLogService#detail}).
 */
public record LogLine(long id, long restaurantId, Instant occurredAt, LogKind kind, LogDirection direction,
        String messageType, String messageId, Long reservationId, String partnerCode, LogOutcome outcome,
        Integer httpStatus, Integer attempt, Integer latencyMs, String errorCode, String errorDetail) {

    public LogPosition position() {
        return new LogPosition(occurredAt, id);
    }

    /** A delivery to a POS that failed for good: it can be sent again. */
    public boolean replayable() {
        return SyncLogEntry.isReplayable(kind, direction, outcome, messageId);
    }
}
