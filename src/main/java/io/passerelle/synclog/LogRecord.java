package io.passerelle.synclog;

/**
 * One line for the sync log, built fluently by the writer that knows what happened:
 * {@code LogRecord.message(restaurantId, OUT, "reservation.upserted").connection(7, "caissepad").http(200, 1, 84)}.
 */
public final class LogRecord {

    final long restaurantId;
    final LogKind kind;
    final LogDirection direction;
    final String messageType;
    Long connectionId;
    String partnerCode;
    String messageId;
    Long reservationId;
    LogOutcome outcome = LogOutcome.SUCCESS;
    Integer httpStatus;
    Integer attempt;
    Integer latencyMs;
    String errorCode;
    String errorDetail;
    RunCounts runCounts;
    String payload;
    String response;

    private LogRecord(long restaurantId, LogKind kind, LogDirection direction, String messageType) {
        this.restaurantId = restaurantId;
        this.kind = kind;
        this.direction = direction;
        this.messageType = messageType;
    }

    public static LogRecord message(long restaurantId, LogDirection direction, String messageType) {
        return new LogRecord(restaurantId, LogKind.MESSAGE, direction, messageType);
    }

    /** An inbound event refused by a rule; {@code errorCode} says which (see synclog i18n keys). */
    public static LogRecord rejected(long restaurantId, String eventType, String errorCode, String detail) {
        var record = new LogRecord(restaurantId, LogKind.REJECTED_EVENT, LogDirection.IN, eventType);
        record.outcome = LogOutcome.REJECTED;
        record.errorCode = errorCode;
        record.errorDetail = detail;
        return record;
    }

    public static LogRecord run(long restaurantId, String trigger, RunCounts counts, long durationMs) {
        var record = new LogRecord(restaurantId, LogKind.RUN, LogDirection.NONE, trigger);
        record.runCounts = counts;
        record.latencyMs = (int) Math.min(Integer.MAX_VALUE, durationMs);
        record.outcome = counts.failed() > 0 ? LogOutcome.FAILED : LogOutcome.SUCCESS;
        return record;
    }

    public LogRecord connection(long connectionId, String partnerCode) {
        this.connectionId = connectionId;
        this.partnerCode = partnerCode;
        return this;
    }

    public LogRecord messageId(String messageId) {
        this.messageId = messageId;
        return this;
    }

    public LogRecord reservation(Long reservationId) {
        this.reservationId = reservationId;
        return this;
    }

    public LogRecord outcome(LogOutcome outcome) {
        this.outcome = outcome;
        return this;
    }

    public LogRecord http(Integer status, Integer attempt, Integer latencyMs) {
        this.httpStatus = status;
        this.attempt = attempt;
        this.latencyMs = latencyMs;
        return this;
    }

    public LogRecord error(String code, String detail) {
        this.errorCode = code;
        this.errorDetail = detail;
        return this;
    }

    /** Request and response bodies; secrets are removed before anything is stored. */
    public LogRecord payload(String request, String response) {
        this.payload = request;
        this.response = response;
        return this;
    }

    /** The counts of a sync run. */
    public record RunCounts(int sent, int unchanged, int missed, int failed) {}
}
