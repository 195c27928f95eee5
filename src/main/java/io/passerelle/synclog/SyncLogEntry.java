package io.passerelle.synclog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A line of the sync log. Written once, never changed. */
@Entity
@Table(name = "sync_log_entry")
public class SyncLogEntry {

    static final int ERROR_DETAIL_MAX = 500;
    public static final int MESSAGE_TYPE_MAX = 60;
    public static final int PARTNER_CODE_MAX = 40;
    static final int MESSAGE_ID_MAX = 80;
    static final int ERROR_CODE_MAX = 60;
    static final int PAYLOAD_MAX = 1_000_000;
    static final int RESPONSE_MAX = 60_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "restaurant_id", nullable = false)
    private long restaurantId;

    @Column(name = "connection_id")
    private Long connectionId;

    @Column(name = "partner_code", length = PARTNER_CODE_MAX)
    private String partnerCode;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private LogKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private LogDirection direction;

    @Column(name = "message_type", nullable = false, length = MESSAGE_TYPE_MAX)
    private String messageType;

    @Column(name = "message_id", length = 80)
    private String messageId;

    @Column(name = "reservation_id")
    private Long reservationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private LogOutcome outcome;

    @Column(name = "http_status")
    private Integer httpStatus;

    private Integer attempt;

    @Column(name = "latency_ms")
    private Integer latencyMs;

    @Column(name = "error_code", length = 60)
    private String errorCode;

    @Column(name = "error_detail", length = ERROR_DETAIL_MAX)
    private String errorDetail;

    @Column(name = "run_sent")
    private Integer runSent;

    @Column(name = "run_unchanged")
    private Integer runUnchanged;

    @Column(name = "run_missed")
    private Integer runMissed;

    @Column(name = "run_failed")
    private Integer runFailed;

    @Column(columnDefinition = "MEDIUMTEXT")
    private String payload;

    @Column(columnDefinition = "MEDIUMTEXT")
    private String response;

    protected SyncLogEntry() {}

    SyncLogEntry(LogRecord record, Instant occurredAt) {
        this.restaurantId = record.restaurantId;
        this.connectionId = record.connectionId;
        this.partnerCode = record.partnerCode;
        this.occurredAt = occurredAt;
        this.kind = record.kind;
        this.direction = record.direction;
        // what a POS sends is bounded here, not trusted to fit
        this.messageType = Redactor.redactAndLimit(record.messageType, MESSAGE_TYPE_MAX);
        this.messageId = Redactor.redactAndLimit(record.messageId, MESSAGE_ID_MAX);
        this.reservationId = record.reservationId;
        this.outcome = record.outcome;
        this.httpStatus = record.httpStatus;
        this.attempt = record.attempt;
        this.latencyMs = record.latencyMs;
        this.errorCode = Redactor.redactAndLimit(record.errorCode, ERROR_CODE_MAX);
        this.errorDetail = Redactor.redactAndLimit(record.errorDetail, ERROR_DETAIL_MAX);
        if (record.runCounts != null) {
            this.runSent = record.runCounts.sent();
            this.runUnchanged = record.runCounts.unchanged();
            this.runMissed = record.runCounts.missed();
            this.runFailed = record.runCounts.failed();
        }
        this.payload = Redactor.redactAndLimit(record.payload, PAYLOAD_MAX);
        this.response = Redactor.redactAndLimit(record.response, RESPONSE_MAX);
    }

    public Long getId() { return id; }
    public long getRestaurantId() { return restaurantId; }
    public Long getConnectionId() { return connectionId; }
    public String getPartnerCode() { return partnerCode; }
    public Instant getOccurredAt() { return occurredAt; }
    public LogKind getKind() { return kind; }
    public LogDirection getDirection() { return direction; }
    public String getMessageType() { return messageType; }
    public String getMessageId() { return messageId; }
    public Long getReservationId() { return reservationId; }
    public LogOutcome getOutcome() { return outcome; }
    public Integer getHttpStatus() { return httpStatus; }
    public Integer getAttempt() { return attempt; }
    public Integer getLatencyMs() { return latencyMs; }
    public String getErrorCode() { return errorCode; }
    public String getErrorDetail() { return errorDetail; }
    public Integer getRunSent() { return runSent; }
    public Integer getRunUnchanged() { return runUnchanged; }
    public Integer getRunMissed() { return runMissed; }
    public Integer getRunFailed() { return runFailed; }
    public String getPayload() { return payload; }
    public String getResponse() { return response; }

    LogLine toLine() {
        return new LogLine(id, restaurantId, occurredAt, kind, direction, messageType, messageId, reservationId,
                partnerCode, outcome, httpStatus, attempt, latencyMs, errorCode, errorDetail);
    }

    /** A delivery to a POS that failed for good: it can be sent again. */
    public boolean isReplayable() {
        return isReplayable(kind, direction, outcome, messageId);
    }

    static boolean isReplayable(LogKind kind, LogDirection direction, LogOutcome outcome, String messageId) {
        return kind == LogKind.MESSAGE && direction == LogDirection.OUT && outcome == LogOutcome.FAILED
                && messageId != null;
    }
}
