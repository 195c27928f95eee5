package io.passerelle.reservation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.passerelle.KaribuTest;
import io.passerelle.TestFixtures.Tenant;
import io.passerelle.reservation.CreateDiningTable;
import io.passerelle.reservation.DiningTable;
import io.passerelle.reservation.DiningTableDetails;
import io.passerelle.reservation.DiningTableService;
import io.passerelle.reservation.ReservationBook;
import io.passerelle.reservation.ReservationService;
import io.passerelle.reservation.Room;
import io.passerelle.security.AppRole;
import io.passerelle.shared.database.RivalWrite;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

class DiningTableListViewTest extends KaribuTest {

    @Autowired
    ReservationService reservations;
    @Autowired
    DiningTableService tables;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    PlatformTransactionManager transactionManager;

    Tenant tenant;
    ReservationBook book;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant();
        book = fixtures.reservationBook();
    }

    private long restaurantId() {
        return tenant.restaurant().getId();
    }

    private void openAsSupportOfFirstRestaurant() {
        open(tenant.support(), restaurantId(), "tables");
    }

    private Grid<DiningTable> tableGrid() {
        return byId(Grid.class, "tables-grid");
    }

    private int rowNamed(String name) {
        return formattedColumn(tableGrid(), "name").indexOf(name);
    }

    private List<String> storedTableNames() {
        return book.as(tenant.owner(), () -> tables.tables(restaurantId()).stream().map(DiningTable::getName).toList());
    }

    @Test
    void listsTheSelectedRestaurantsTablesWithRoomAndSeats() {
        var terrace = book.room(restaurantId(), "Terrazza");
        book.as(tenant.owner(), () -> tables.createTable(new CreateDiningTable(restaurantId(),
                new DiningTableDetails("T1", 6, terrace.getId()))));
        book.table(restaurantId(), "T2");
        book.table(tenant.sibling().getId(), "Salon 9");

        openAsSupportOfFirstRestaurant();

        assertThat(formattedColumn(tableGrid(), "name")).containsExactly("T1", "T2");
        assertThat(formattedColumn(tableGrid(), "room")).containsExactly("Terrazza", "");
        assertThat(formattedColumn(tableGrid(), "seats")).containsExactly("6", "4");
        assertThat(formattedColumn(byId(Grid.class, "rooms-grid"), "name")).containsExactly("Terrazza");
    }

    @Test
    void aTableIsAddedInARoom() {
        var terrace = book.room(restaurantId(), "Terrazza");
        openAsSupportOfFirstRestaurant();

        _click(byId(Button.class, "table-new"));
        setAsUser(byId(TextField.class, "table-name"), " T7 ");
        setAsUser(byId(IntegerField.class, "table-seats"), 2);
        ComboBox<Room> room = byId(ComboBox.class, "table-room");
        setAsUser(room, ComboBoxKt.getSuggestionItems(room).stream()
                .filter(choice -> choice.getId().equals(terrace.getId()))
                .findFirst()
                .orElseThrow());
        _click(byId(Button.class, "table-save"));

        _assertNone(DiningTableDialog.class);
        assertThat(formattedColumn(tableGrid(), "name")).containsExactly("T7");
        assertThat(formattedColumn(tableGrid(), "room")).containsExactly("Terrazza");
    }

    /** The check before saving saw nothing: someone else's "T9" was not committed yet; the database refused it. */
    @Test
    void aTableNameTakenWhileTheDialogWasOpenIsShownOnTheNameFieldAsWell() throws Exception {
        openAsSupportOfFirstRestaurant();
        _click(byId(Button.class, "table-new"));
        var name = byId(TextField.class, "table-name");
        setAsUser(name, "T9");
        setAsUser(byId(IntegerField.class, "table-seats"), 2);

        Throwable thrown = new RivalWrite(transactionManager, jdbc).race(DiningTableService.class,
                () -> _click(byId(Button.class, "table-save")),
                "insert into dining_table (restaurant_id, name, seats) values (?, 'T9', 4)", restaurantId());

        assertThat(thrown).isNull();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("There is already a table called T9.");
        _get(DiningTableDialog.class);
        assertThat(storedTableNames()).containsExactly("T9");
    }

    @Test
    void renamingToAnotherTablesNameIsShownOnTheNameField() {
        book.table(restaurantId(), "T1");
        book.table(restaurantId(), "T2");
        openAsSupportOfFirstRestaurant();

        GridKt._selectRow(tableGrid(), rowNamed("T2"));
        var name = byId(TextField.class, "table-name");
        setAsUser(name, "t1");
        _click(byId(Button.class, "table-save"));

        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("There is already a table called t1.");
        _get(DiningTableDialog.class);
        assertThat(storedTableNames()).containsExactly("T1", "T2");

        setAsUser(name, "T2 bis");
        _click(byId(Button.class, "table-save"));
        assertThat(formattedColumn(tableGrid(), "name")).containsExactly("T1", "T2 bis");
    }

    @Test
    void deletingAsksFirstAndATableInUseStays() {
        book.table(restaurantId(), "T1");
        var used = book.table(restaurantId(), "T2");
        book.reservation(restaurantId(), clock.instant().plus(1, ChronoUnit.DAYS), 2, null, used);
        openAsSupportOfFirstRestaurant();

        GridKt._selectRow(tableGrid(), rowNamed("T1"));
        _click(byId(Button.class, "table-delete"));
        ConfirmDialogKt._fireCancel(byId(ConfirmDialog.class, "table-delete-confirm"));
        assertThat(storedTableNames()).containsExactly("T1", "T2");
        _click(byId(Button.class, "table-delete"));
        ConfirmDialogKt._fireConfirm(byId(ConfirmDialog.class, "table-delete-confirm"));
        assertThat(storedTableNames()).containsExactly("T2");
        assertThat(formattedColumn(tableGrid(), "name")).containsExactly("T2");
        NotificationsKt.clearNotifications();

        GridKt._selectRow(tableGrid(), rowNamed("T2"));
        _click(byId(Button.class, "table-delete"));
        ConfirmDialogKt._fireConfirm(byId(ConfirmDialog.class, "table-delete-confirm"));
        NotificationsKt.expectNotifications(
                "Table T2 cannot be deleted: 1 reservations use it. Move them to another table first.");
        assertThat(storedTableNames()).containsExactly("T2");
    }

    @Test
    void roomsAreAddedAndRenamedWithUniqueNames() {
        book.room(restaurantId(), "Terrazza");
        openAsSupportOfFirstRestaurant();
        Grid<Room> rooms = byId(Grid.class, "rooms-grid");

        _click(byId(Button.class, "room-new"));
        setAsUser(byId(TextField.class, "room-name"), "Sala");
        _click(byId(Button.class, "room-save"));
        assertThat(formattedColumn(rooms, "name")).containsExactly("Sala", "Terrazza");

        GridKt._selectRow(rooms, 0);
        var name = byId(TextField.class, "room-name");
        setAsUser(name, "terrazza");
        _click(byId(Button.class, "room-save"));
        assertThat(name.getErrorMessage()).isEqualTo("There is already a room called terrazza.");
        setAsUser(name, "Veranda");
        _click(byId(Button.class, "room-save"));
        assertThat(formattedColumn(rooms, "name")).containsExactly("Terrazza", "Veranda");
    }

    @Test
    void withoutARestaurantThereIsAnEmptyState() {
        login(fixtures.account(AppRole.OWNER, null, Set.of()));
        navigate("tables");

        byId(Paragraph.class, "tables-no-restaurant");
        _assertNone(Grid.class, spec -> spec.withId("tables-grid"));
    }
}
