package io.passerelle.reservation;

import io.passerelle.restaurant.RestaurantAccess;
import io.passerelle.shared.NotFoundException;
import io.passerelle.shared.RuleViolationException;
import io.passerelle.shared.database.DuplicateKey;
import io.passerelle.shared.database.DuplicateKeyRefusals;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * A restaurant's rooms and tables. Names are unique per restaurant (ignoring case), because a
 * push-style POS matches tables by name. Lists are whole: a restaurant has tens of tables, not thousands.
 */
@Service
@Validated
public class DiningTableService implements DuplicateKeyRefusals {

    private final DiningTableRepository tables;
    private final RoomRepository rooms;
    private final ReservationRepository reservations;
    private final RestaurantAccess access;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    DiningTableService(DiningTableRepository tables, RoomRepository rooms, ReservationRepository reservations,
            RestaurantAccess access, ApplicationEventPublisher events, JdbcClient jdbc) {
        this.tables = tables;
        this.rooms = rooms;
        this.reservations = reservations;
        this.access = access;
        this.events = events;
        this.jdbc = jdbc;
    }

    /** By name, each with its room loaded. */
    @Transactional(readOnly = true)
    public List<DiningTable> tables(long restaurantId) {
        access.check(restaurantId);
        return tables.findByRestaurantIdOrderByNameAsc(restaurantId);
    }

    /**
     * For machine callers (the POS API): no user, the restaurant comes from the authenticated connection. The id of
     * the table named exactly so, case and accents included (anything less is for a person to confirm), by name, in
     * one query; a name of no table is absent.
     */
    @Transactional(readOnly = true)
    public Map<String, Long> idsNamedExactlyForMachine(long restaurantId, Collection<String> names) {
        var ids = new HashMap<String, Long>();
        if (names.isEmpty()) {
            return ids;
        }
        // plain SQL: id and name only, no entity; and Hibernate binds a collection only after an exception per call.
        // It reads the database, so a table created or renamed earlier in this transaction is flushed first.
        tables.flush();
        jdbc.sql("select id, name from dining_table where restaurant_id = :restaurant and name in (:names)")
                .param("restaurant", restaurantId)
                .param("names", names)
                .query((row, number) -> ids.put(row.getString(2), row.getLong(1)))
                .list();
        // the column compares without case: only the table named exactly so
        ids.keySet().retainAll(names);
        return ids;
    }

    @Transactional(readOnly = true)
    public List<Room> rooms(long restaurantId) {
        access.check(restaurantId);
        return rooms.findByRestaurantIdOrderByNameAsc(restaurantId);
    }

    @Transactional
    public DiningTable createTable(@Valid CreateDiningTable command) {
        long restaurantId = command.restaurantId();
        access.check(restaurantId);
        DiningTableDetails details = command.details();
        if (tables.existsByRestaurantIdAndNameIgnoreCase(restaurantId, details.name())) {
            throw tableNameTaken(details.name());
        }
        DiningTable table = tables.save(new DiningTable(restaurantId, details.name(), details.seats(),
                room(restaurantId, details.roomId())));
        events.publishEvent(new DiningTableNamed(restaurantId, table.getId(), null, table.getName()));
        return table;
    }

    @Transactional
    public DiningTable updateTable(@Valid UpdateDiningTable command) {
        long restaurantId = command.restaurantId();
        access.check(restaurantId);
        DiningTable table = findTable(restaurantId, command.tableId());
        DiningTableDetails details = command.details();
        if (tables.existsByRestaurantIdAndNameIgnoreCaseAndIdNot(restaurantId, details.name(), table.getId())) {
            throw tableNameTaken(details.name());
        }
        String previousName = table.getName();
        table.update(details.name(), details.seats(), room(restaurantId, details.roomId()));
        if (!previousName.equals(table.getName())) {
            events.publishEvent(new DiningTableNamed(restaurantId, table.getId(), previousName, table.getName()));
        }
        return table;
    }

    /** Refused while reservations point at the table: they would lose their table silently. */
    @Transactional
    public void deleteTable(long restaurantId, long tableId) {
        access.check(restaurantId);
        DiningTable table = findTable(restaurantId, tableId);
        long usage = reservations.countByTableId(tableId);
        if (usage > 0) {
            throw new RuleViolationException(null, "table.error.in-use",
                    "Table " + table.getName() + " is used by " + usage + " reservations", table.getName(), usage);
        }
        tables.delete(table);
        events.publishEvent(new DiningTableDeleted(restaurantId, tableId));
    }

    @Transactional
    public Room createRoom(long restaurantId, @NotBlank @Size(max = Room.NAME_MAX_LENGTH) String name) {
        access.check(restaurantId);
        String trimmed = name.strip();
        if (rooms.existsByRestaurantIdAndNameIgnoreCase(restaurantId, trimmed)) {
            throw roomNameTaken(trimmed);
        }
        return rooms.save(new Room(restaurantId, trimmed));
    }

    @Transactional
    public Room renameRoom(long restaurantId, long roomId,
            @NotBlank @Size(max = Room.NAME_MAX_LENGTH) String name) {
        access.check(restaurantId);
        Room room = findRoom(restaurantId, roomId);
        String trimmed = name.strip();
        if (rooms.existsByRestaurantIdAndNameIgnoreCaseAndIdNot(restaurantId, trimmed, roomId)) {
            throw roomNameTaken(trimmed);
        }
        room.rename(trimmed);
        return room;
    }

    private DiningTable findTable(long restaurantId, long tableId) {
        return tables.findByIdAndRestaurantId(tableId, restaurantId)
                .orElseThrow(() -> NotFoundException.forId("Table", tableId));
    }

    private Room room(long restaurantId, Long roomId) {
        return roomId == null ? null : findRoom(restaurantId, roomId);
    }

    private Room findRoom(long restaurantId, long roomId) {
        return rooms.findByIdAndRestaurantId(roomId, restaurantId)
                .orElseThrow(() -> NotFoundException.forId("Room", roomId));
    }

    /** Two people racing to the same table or room name: the loser reads what the check above tells. */
    @Override
    public Optional<RuleViolationException> refusalOf(DuplicateKey duplicate) {
        return switch (duplicate.constraint()) {
            case "uk_dining_table_name" -> Optional.of(tableNameTaken(duplicate.afterIds(1)));
            case "uk_room_name" -> Optional.of(roomNameTaken(duplicate.afterIds(1)));
            default -> Optional.empty();
        };
    }

    private static RuleViolationException tableNameTaken(String name) {
        return new RuleViolationException("name", "table.error.name-taken", "Table name already in use: " + name, name);
    }

    private static RuleViolationException roomNameTaken(String name) {
        return new RuleViolationException("name", "room.error.name-taken", "Room name already in use: " + name, name);
    }
}
