package io.passerelle.sync;

import java.time.Instant;

/**
 * One row of the outbox.
 *
 * @param reservationId      the reservation a webhook is about; null for a pay-at-table call
 * @param reservationVersion its version; null for a pay-at-table call
 */
public record OutboxMessage(long id, long restaurantId, long connectionId, Long reservationId,
        Long reservationVersion, MessageType type, String webhookId, String payload, OutboxStatus status, int attempts,
        Instant nextAttemptAt, Instant retryStartedAt, Integer lastHttpStatus, String lastErrorCode, Instant createdAt,
        Instant deliveredAt) {

    /** The reservation at its connection; null for a pay-at-table call. */
    ReservationKey reservationKey() {
        return reservationId == null ? null : new ReservationKey(connectionId, reservationId);
    }
}
