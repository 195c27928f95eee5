package io.passerelle.tables;

import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.PartnerConnection;
import io.passerelle.partner.PartnerCatalogue;
import io.passerelle.partner.PartnerDescriptor;
import io.passerelle.reservation.DiningTable;
import io.passerelle.reservation.DiningTableDetails;
import io.passerelle.reservation.DiningTableService;
import io.passerelle.reservation.PosOrderTables;
import io.passerelle.reservation.UpdateDiningTable;
import io.passerelle.restaurant.RestaurantAccess;
import io.passerelle.shared.NotFoundException;
import io.passerelle.shared.RuleViolationException;
import io.passerelle.tables.PosTableName.Suggestion;
import io.passerelle.tables.TableNameChange.LinkChange;
import io.passerelle.tables.TableNameChange.Several;
import io.passerelle.tables.TableNameChange.TableRename;
import io.passerelle.tables.TableNameStore.Link;
import io.passerelle.tables.TableNameStore.Sighting;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Table-name reconciliation for people: each POS connection's table names next to the restaurant's dining tables,
 * and the links between them. Every change returns what undoes it. Lists are whole: a restaurant has tens of
 * tables, a POS at most {@value PosTableNames#MAX_TABLES} names.
 */
@Service
@Validated
public class TableNameService {

    private final TableNameStore store;
    private final DiningTableService diningTables;
    private final PosOrderTables posOrderTables;
    private final ConnectionService connections;
    private final PartnerCatalogue partners;
    private final RestaurantAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TableNameService(TableNameStore store, DiningTableService diningTables, PosOrderTables posOrderTables,
            ConnectionService connections, PartnerCatalogue partners, RestaurantAccess access,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.diningTables = diningTables;
        this.posOrderTables = posOrderTables;
        this.connections = connections;
        this.partners = partners;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** Every connection of the restaurant, by partner, each with its names (unmatched first) and the tables. */
    @Transactional(readOnly = true)
    public List<ConnectionTableNames> reconciliation(long restaurantId) {
        access.check(restaurantId);
        List<DiningTable> tables = diningTables.tables(restaurantId);
        return connections.connections(restaurantId).stream()
                .map(connection -> reconcile(restaurantId, connection, tables))
                .toList();
    }

    /** How many POS names of the restaurant's connections stand for no dining table (the navigation's badge). */
    @Transactional(readOnly = true)
    public long unmatchedCount(long restaurantId) {
        return reconciliation(restaurantId).stream().mapToLong(ConnectionTableNames::unmatchedPosNames).sum();
    }

    @Transactional
    public TableNameChange link(long restaurantId, long connectionId,
            @NotBlank @Size(max = DiningTable.NAME_MAX_LENGTH) String posName, long tableId) {
        access.check(restaurantId);
        connections.get(restaurantId, connectionId);
        table(restaurantId, tableId);
        return decide(restaurantId, connectionId, posName, tableId);
    }

    /** The name stands for no table from now on, even if a table has the very same name. */
    @Transactional
    public TableNameChange unlink(long restaurantId, long connectionId,
            @NotBlank @Size(max = DiningTable.NAME_MAX_LENGTH) String posName) {
        access.check(restaurantId);
        connections.get(restaurantId, connectionId);
        return decide(restaurantId, connectionId, posName, null);
    }

    /** Renames a dining table, typically to the POS's name, so that the two match exactly. */
    @Transactional
    public TableNameChange renameTable(long restaurantId, long tableId,
            @NotBlank @Size(max = DiningTable.NAME_MAX_LENGTH) String newName) {
        access.check(restaurantId);
        DiningTable table = table(restaurantId, tableId);
        String before = table.getName();
        DiningTable renamed = rename(table, newName);
        return new TableRename(restaurantId, tableId, before, renamed.getName());
    }

    /** Links every unmatched name (not unlinked on purpose) that has one clear suggestion to it. */
    @Transactional
    public Several acceptSuggestions(long restaurantId, long connectionId) {
        access.check(restaurantId);
        PartnerConnection connection = connections.get(restaurantId, connectionId);
        List<TableNameChange> changes = new ArrayList<>();
        for (PosTableName name : reconcile(restaurantId, connection, diningTables.tables(restaurantId)).posNames()) {
            if (name.isUnmatched() && !name.unlinkedOnPurpose()) {
                name.clearSuggestion().ifPresent(suggestion -> changes.add(
                        decide(restaurantId, connectionId, name.name(), suggestion.tableId())));
            }
        }
        return new Several(restaurantId, List.copyOf(changes));
    }

    /** Puts back what the change replaced; refused, changing nothing, when someone changed the same thing since. */
    @Transactional
    public void undo(long restaurantId, @NotNull TableNameChange change) {
        access.check(restaurantId);
        refuseIfChangedSince(restaurantId, change);
        putBack(restaurantId, change);
    }

    /** Checks every part of the change before any is put back, so that a refused undo leaves all as it is. */
    private void refuseIfChangedSince(long restaurantId, TableNameChange change) {
        if (change.restaurantId() != restaurantId) {
            throw NotFoundException.forId("Restaurant", change.restaurantId());
        }
        switch (change) {
            case LinkChange link -> {
                connections.get(restaurantId, link.connectionId());
                // Locked, so that no other undo or relink changes it between this check and the write.
                Optional<Link> now = store.lockedLink(restaurantId, link.connectionId(), link.posName());
                if (now.isEmpty() || !Objects.equals(now.get().tableId(), link.tableAfter())) {
                    throw new RuleViolationException(null, "table-names.error.link-changed-since",
                            "POS name " + link.posName() + " was linked differently since", link.posName());
                }
                if (link.hadLinkBefore() && link.tableBefore() != null) {
                    table(restaurantId, link.tableBefore());
                }
            }
            case TableRename rename -> {
                DiningTable table = table(restaurantId, rename.tableId());
                if (!table.getName().equals(rename.nameAfter())) {
                    throw new RuleViolationException(null, "table-names.error.changed-since",
                            "Table " + table.getName() + " was renamed since", table.getName());
                }
            }
            case Several several -> several.changes().forEach(each -> refuseIfChangedSince(restaurantId, each));
        }
    }

    private void putBack(long restaurantId, TableNameChange change) {
        switch (change) {
            case LinkChange link -> {
                if (link.hadLinkBefore()) {
                    store.saveLink(restaurantId, link.connectionId(), link.posName(), link.tableBefore(),
                            clock.instant());
                } else {
                    store.deleteLink(restaurantId, link.connectionId(), link.posName());
                }
                linkChanged(restaurantId, link.connectionId(), link.posName());
            }
            case TableRename rename -> rename(table(restaurantId, rename.tableId()), rename.nameBefore());
            case Several several -> several.changes().reversed().forEach(each -> putBack(restaurantId, each));
        }
    }

    private LinkChange decide(long restaurantId, long connectionId, String posName, Long tableId) {
        // locked: what this change undoes is what it overwrote, whatever commits meanwhile
        Optional<Link> before = store.lockedLink(restaurantId, connectionId, posName);
        Instant now = clock.instant();
        boolean inserted = before.isEmpty() && store.insertLinkIfAbsent(restaurantId, connectionId, posName, tableId,
                now);
        if (!inserted) {
            if (before.isEmpty()) {
                // no row to lock, and another first link of the name came meanwhile: that one is what this overwrites
                before = store.lockedLink(restaurantId, connectionId, posName);
            }
            store.saveLink(restaurantId, connectionId, posName, tableId, now);
        }
        linkChanged(restaurantId, connectionId, posName);
        return new LinkChange(restaurantId, connectionId, posName, before.isPresent(),
                before.map(Link::tableId).orElse(null), tableId);
    }

    /** The name may stand for another table now: its orders follow, and the events' resolutions once committed. */
    private void linkChanged(long restaurantId, long connectionId, String posName) {
        posOrderTables.refresh(restaurantId, connectionId, posName);
        events.publishEvent(new PosTableLinkChanged(restaurantId, connectionId, posName));
    }

    private DiningTable rename(DiningTable table, String name) {
        return diningTables.updateTable(new UpdateDiningTable(table.getRestaurantId(), table.getId(),
                new DiningTableDetails(name, table.getSeats(), table.getRoom() == null ? null : table.getRoom().getId())));
    }

    private DiningTable table(long restaurantId, long tableId) {
        return diningTables.tables(restaurantId).stream()
                .filter(table -> table.getId() == tableId)
                .findFirst()
                .orElseThrow(() -> NotFoundException.forId("Table", tableId));
    }

    private ConnectionTableNames reconcile(long restaurantId, PartnerConnection connection, List<DiningTable> tables) {
        long connectionId = connection.getId();
        List<String> reported = store.reported(connectionId);
        Map<String, Sighting> sightings = store.sightings(restaurantId, connectionId).stream()
                .collect(Collectors.toMap(Sighting::posName, Function.identity()));
        Map<String, Link> links = store.links(restaurantId, connectionId).stream()
                .collect(Collectors.toMap(Link::posName, Function.identity()));
        Map<Long, DiningTable> tablesById = tables.stream()
                .collect(Collectors.toMap(DiningTable::getId, Function.identity()));

        Set<String> names = new LinkedHashSet<>(reported);
        names.addAll(new TreeSet<>(sightings.keySet()));
        names.addAll(new TreeSet<>(links.keySet()));
        Set<String> reportedNames = Set.copyOf(reported);
        List<PosTableName> posNames = names.stream()
                .map(name -> posName(name, links.get(name), sightings.get(name), reportedNames.contains(name),
                        tables, tablesById))
                .sorted(Comparator.comparing(PosTableName::isUnmatched).reversed()
                        .thenComparing(PosTableName::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        List<DiningTableLinks> tableLinks = tables.stream()
                .map(table -> new DiningTableLinks(table.getId(), table.getName(), table.getSeats(), posNames.stream()
                        .filter(name -> table.getId().equals(name.tableId()))
                        .map(PosTableName::name)
                        .toList()))
                .toList();
        String partnerName = partners.byCode(connection.getPartnerCode()).map(PartnerDescriptor::name)
                .orElse(connection.getPartnerCode());
        return new ConnectionTableNames(connectionId, partnerName, posNames, tableLinks);
    }

    private static PosTableName posName(String name, Link link, Sighting sighting, boolean reported,
            List<DiningTable> tables, Map<Long, DiningTable> tablesById) {
        int events = sighting == null ? 0 : sighting.events();
        var lastSeen = sighting == null ? null : sighting.lastSeenAt();
        DiningTable linked = link == null || link.tableId() == null ? null : tablesById.get(link.tableId());
        if (linked != null) {
            return new PosTableName(name, LinkState.LINKED, linked.getId(), linked.getName(), false, reported, events,
                    lastSeen, List.of());
        }
        boolean unlinkedOnPurpose = link != null;
        if (!unlinkedOnPurpose) {
            Optional<DiningTable> namesake = tables.stream()
                    .filter(table -> TableNameMatcher.exact(name, table.getName()))
                    .findFirst();
            if (namesake.isPresent()) {
                return new PosTableName(name, LinkState.EXACT, namesake.get().getId(), namesake.get().getName(), false,
                        reported, events, lastSeen, List.of());
            }
        }
        List<Suggestion> suggestions = TableNameMatcher.suggestions(name, tables, DiningTable::getName).stream()
                .map(candidate -> new Suggestion(candidate.table().getId(), candidate.table().getName(),
                        candidate.similarity()))
                .toList();
        return new PosTableName(name, LinkState.UNMATCHED, null, null, unlinkedOnPurpose, reported, events, lastSeen,
                suggestions);
    }
}
