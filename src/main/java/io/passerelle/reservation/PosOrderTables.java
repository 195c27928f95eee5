package io.passerelle.reservation;

import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the dining table of every POS order in step with what its table name stands for now, so that the drift
 * report compares tables, not spellings. An order gets its table when the event arrives; afterwards a person
 * linking or unlinking a name ({@code tables} module, which calls {@link #refresh}) or a table created or renamed
 * here changes it. Reservations are left as they are: linking a name seats nobody elsewhere.
 */
@Service
public class PosOrderTables {

    private final PosOrderRepository orders;
    private final PosTableNameResolver resolver;

    PosOrderTables(PosOrderRepository orders, PosTableNameResolver resolver) {
        this.orders = orders;
        this.resolver = resolver;
    }

    /**
     * The connection's POS name may stand for another table now: its orders follow. For callers that passed the
     * tenant wall already.
     */
    @Transactional
    public void refresh(long restaurantId, long connectionId, String posName) {
        orders.resolveTableName(restaurantId, connectionId, posName,
                resolver.resolve(restaurantId, connectionId, posName).orElse(null));
    }

    /** Both the old and the new name: orders under the old one lose their namesake, those under the new gain it. */
    @EventListener
    void on(DiningTableNamed named) {
        Stream.of(named.previousName(), named.name()).filter(Objects::nonNull).distinct()
                .forEach(name -> orders.findConnectionsNaming(named.restaurantId(), name)
                        .forEach(connectionId -> refresh(named.restaurantId(), connectionId, name)));
    }
}
