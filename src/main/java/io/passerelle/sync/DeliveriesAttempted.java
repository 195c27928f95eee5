package io.passerelle.sync;

import java.util.List;

/**
 * Published once per relay batch, after its outcomes are recorded: every call to a push POS in it. One event per
 * batch, so that what listens (connection health) writes a batch at a time, not a row and a commit per call.
 */
public record DeliveriesAttempted(List<DeliveryAttempted> attempts) {

    public DeliveriesAttempted {
        attempts = List.copyOf(attempts);
    }
}
