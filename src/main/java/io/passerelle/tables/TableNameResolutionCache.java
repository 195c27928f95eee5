package io.passerelle.tables;

import io.passerelle.reservation.DiningTableDeleted;
import io.passerelle.reservation.DiningTableNamed;
import io.passerelle.shared.cache.CommittedReadCache;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The dining table each POS table name stands for, remembered per connection for
 * {@code passerelle.table-names.resolution-cache-ttl} (0: off): a till names the same few tables in event after
 * event, and each resolution was two queries. Once committed, a link made, changed or undone evicts its connection's
 * names ({@link PosTableLinkChanged}), a dining table created, renamed or deleted its restaurant's
 * ({@link CommittedReadCache}). On other nodes of a cluster a change shows within the TTL.
 */
@Component
class TableNameResolutionCache {

    private final CommittedReadCache<Key, Optional<Long>> resolved;

    TableNameResolutionCache(TableNameSettings settings) {
        this.resolved = new CommittedReadCache<>(settings.resolutionCacheTtl(), 100_000);
    }

    /** The table of every name: remembered, or resolved by {@code resolve} for those not (and remembered). */
    Map<String, Optional<Long>> resolveAll(long restaurantId, long connectionId, Collection<String> posNames,
            Function<Set<String>, Map<String, Optional<Long>>> resolve) {
        Set<Key> keys = posNames.stream().map(name -> new Key(restaurantId, connectionId, name))
                .collect(Collectors.toSet());
        var byName = new HashMap<String, Optional<Long>>();
        resolved.getAll(keys, missing -> {
            var fresh = new HashMap<Key, Optional<Long>>();
            resolve.apply(missing.stream().map(Key::posName).collect(Collectors.toSet()))
                    .forEach((name, table) -> fresh.put(new Key(restaurantId, connectionId, name), table));
            return fresh;
        }).forEach((key, table) -> byName.put(key.posName(), table));
        return byName;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PosTableLinkChanged changed) {
        resolved.evict((key, table) -> key.connectionId() == changed.connectionId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DiningTableNamed named) {
        resolved.evict((key, table) -> key.restaurantId() == named.restaurantId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DiningTableDeleted deleted) {
        resolved.evict((key, table) -> key.restaurantId() == deleted.restaurantId());
    }

    private record Key(long restaurantId, long connectionId, String posName) {}
}
