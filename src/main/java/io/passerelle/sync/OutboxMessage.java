package io.passerelle.sync;

import java.time.Instant;

/** One row of the outbox. */
public record OutboxMessage(long id, long restaurantId, long connectionId, long reservationId,
        long reservationVersion, MessageType type, String webhookId, String payload, OutboxStatus status, int attempts,
        Instant nextAttemptAt, Instant retryStartedAt, Integer lastHttpStatus, String lastErrorCode, Instant createdAt,
        Instant deliveredAt) {}
