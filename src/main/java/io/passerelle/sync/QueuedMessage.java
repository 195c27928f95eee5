package io.passerelle.sync;

import java.time.Instant;

/** A message about a reservation, about to be written to the outbox. */
record QueuedMessage(long restaurantId, long connectionId, long reservationId, long version, MessageType type,
        String webhookId, String payload, Instant queuedAt) {}
