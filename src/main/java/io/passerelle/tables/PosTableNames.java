package io.passerelle.tables;

import io.passerelle.reservation.DiningTableService;
import io.passerelle.reservation.PosTableNameResolver;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The machine side of table names, for the partner API: there is no user; the restaurant and connection come
 * from the POS's authenticated credentials, and every query includes them.
 */
@Service
public class PosTableNames implements PosTableNameResolver {

    /** PROTOCOL.md: {@code PUT /tables} lists at most this many names. */
    public static final int MAX_TABLES = 1000;

    private final TableNameStore store;
    private final DiningTableService diningTables;
    private final TableNameResolutionCache resolutions;
    private final Clock clock;

    PosTableNames(TableNameStore store, DiningTableService diningTables, TableNameResolutionCache resolutions,
            Clock clock) {
        this.store = store;
        this.diningTables = diningTables;
        this.resolutions = resolutions;
        this.clock = clock;
    }

    /** The names the connection reported last, in its order. */
    @Transactional(readOnly = true)
    public List<String> of(long connectionId) {
        return store.reported(connectionId);
    }

    /** Replaces the list: names 1 to {@value DiningTable#NAME_MAX_LENGTH} characters, no duplicates. */
    @Transactional
    public void replace(long connectionId, List<String> names) {
        store.replaceReported(connectionId, names);
    }

    /**
     * The dining table the POS means by this name: the one a person linked it to, else the one named exactly so.
     * Empty when the name was unlinked on purpose or matches nothing.
     */
    @Override
    @Transactional(readOnly = true)
    public Optional<Long> resolve(long restaurantId, long connectionId, String posName) {
        return resolveAll(restaurantId, connectionId, List.of(posName)).get(posName);
    }

    /**
     * {@link #resolve} for several names in two queries whatever their number (the links, then the tables named
     * exactly so): the dining table id of every name, empty where it stands for none. The one way names resolve, so
     * that a batch of events and a single one always agree.
     */
    @Transactional(readOnly = true)
    public Map<String, Optional<Long>> resolveAll(long restaurantId, long connectionId, Collection<String> posNames) {
        Set<String> names = Set.copyOf(posNames);
        var resolved = new HashMap<String, Optional<Long>>();
        // pos_name compares as utf8mb4_bin, which pads with spaces: "T1 " finds the link of "T1", as resolve() does.
        // A connection has at most one link per name so compared (its primary key).
        Map<String, TableNameStore.Link> linksByName = new HashMap<>();
        for (TableNameStore.Link link : store.links(restaurantId, connectionId, names)) {
            linksByName.put(withoutTrailingSpaces(link.posName()), link);
        }
        for (String name : names) {
            TableNameStore.Link link = linksByName.get(withoutTrailingSpaces(name));
            if (link != null) {
                resolved.put(name, Optional.ofNullable(link.tableId()));
            }
        }
        List<String> unlinked = names.stream().filter(name -> !resolved.containsKey(name)).toList();
        Map<String, Long> named = diningTables.idsNamedExactlyForMachine(restaurantId, unlinked);
        for (String name : unlinked) {
            resolved.put(name, Optional.ofNullable(named.get(name)));
        }
        return resolved;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> linkedPosNames(long restaurantId, long connectionId, Collection<Long> tableIds) {
        return store.firstLinkedNames(restaurantId, connectionId, Set.copyOf(tableIds));
    }

    /**
     * {@link #resolveAll} for the events of a till, remembered ({@link TableNameResolutionCache}): a till names the
     * same few tables again and again. Not for a transaction that changed links or tables itself, which would get
     * what was remembered before its change (evictions follow the commit): it calls {@link #resolveAll}.
     */
    @Transactional(readOnly = true)
    public Map<String, Optional<Long>> resolveAllForEvents(long restaurantId, long connectionId,
            Collection<String> posNames) {
        return resolutions.resolveAll(restaurantId, connectionId, posNames,
                names -> resolveAll(restaurantId, connectionId, names));
    }

    private static String withoutTrailingSpaces(String name) {
        int end = name.length();
        while (end > 0 && name.charAt(end - 1) == ' ') {
            end--;
        }
        return name.substring(0, end);
    }

    /** An accepted event named a table that resolves to none: counted, and listed for reconciliation. */
    @Transactional
    public void recordUnmapped(long restaurantId, long connectionId, String posName) {
        store.recordSighting(restaurantId, connectionId, posName, clock.instant());
    }

    /** {@link #recordUnmapped} for the events of a batch, in one JDBC batch: how many events named each name. */
    @Transactional
    public void recordUnmapped(long restaurantId, long connectionId, Map<String, Integer> eventsByName) {
        store.recordSightings(restaurantId, connectionId, eventsByName, clock.instant());
    }
}
