package io.passerelle.connection;

import io.passerelle.shared.cache.CommittedReadCache;
import java.util.List;
import java.util.function.LongFunction;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Each restaurant's enabled push connections, remembered for {@code passerelle.connection.push-connections-cache-ttl}
 * (0: off): every reservation change asks whom to tell, and a till's events change reservations many times a second.
 * A connection connected, enabled, disabled or edited ({@link ConnectionCredentialsChanged}) evicts its restaurant's
 * entry once the change committed ({@link CommittedReadCache}). On other nodes of a cluster the change shows within
 * the TTL; a message queued meanwhile for a connection since disabled is not delivered (the relay checks), and one
 * a newly enabled POS missed is queued by the next sync window.
 */
@Component
class PushConnectionCache {

    private final CommittedReadCache<Long, List<PushConnection>> byRestaurant;

    PushConnectionCache(ConnectionSettings settings) {
        this.byRestaurant = new CommittedReadCache<>(settings.pushConnectionsCacheTtl(), 10_000);
    }

    /** The restaurant's enabled push connections: remembered, or read by {@code read} (and remembered). */
    List<PushConnection> of(long restaurantId, LongFunction<List<PushConnection>> read) {
        return byRestaurant.get(restaurantId, read::apply);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ConnectionCredentialsChanged changed) {
        byRestaurant.evict((restaurantId, connections) -> restaurantId == changed.restaurantId());
    }
}
