package io.passerelle.synclog;

import java.util.Collection;

/**
 * Sends failed deliveries again. The sync engine implements it (it owns the outbox); the log only knows which
 * deliveries failed. An interface here, because the sync engine depends on the log and not the other way round.
 */
public interface FailedDeliveryReplay {

    /**
     * Queues again the deliveries of this restaurant, named by their message ids, that are still failed (one
     * delivered or replayed since is left alone); returns how many were queued.
     */
    int replay(long restaurantId, Collection<String> messageIds);
}
