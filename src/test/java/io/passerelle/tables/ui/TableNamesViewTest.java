package io.passerelle.tables.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.passerelle.KaribuTest;
import io.passerelle.TestFixtures.Tenant;
import io.passerelle.connection.ConnectPartner;
import io.passerelle.connection.ConnectionDetails;
import io.passerelle.connection.ConnectionService;
import io.passerelle.reservation.CreateDiningTable;
import io.passerelle.reservation.DiningTableDetails;
import io.passerelle.reservation.DiningTableService;
import io.passerelle.tables.DiningTableLinks;
import io.passerelle.tables.PosTableNames;
import io.passerelle.tables.TableNameService;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TableNamesViewTest extends KaribuTest {

    @Autowired
    DiningTableService tables;
    @Autowired
    ConnectionService connections;
    @Autowired
    PosTableNames posTableNames;
    @Autowired
    TableNameService tableNames;

    Tenant tenant;
    long connectionId;

    @BeforeEach
    void setUp() {
        tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        // set up as the owner, who then uses the screen: one (slow, bcrypt) login per test
        login(tenant.owner());
        for (String name : List.of("T12", "T7", "Bar")) {
            tables.createTable(new CreateDiningTable(restaurantId, new DiningTableDetails(name, 4, null)));
        }
        connectionId = connections.connect(new ConnectPartner(restaurantId, "cassasmart",
                new ConnectionDetails(null, null, null, null, Set.of(), true))).getId();
        posTableNames.replace(connectionId, List.of("T12", "Tavolo 7", "Sala 9"));
        posTableNames.recordUnmapped(restaurantId, connectionId, "Sala 9");
    }

    @Test
    void bothSidesAreShownWithUnmatchedNamesFirstSuggestionsAndABadge() {
        open();

        assertThat(formattedColumn(posGrid(), "name")).containsExactly("Sala 9", "Tavolo 7", "T12");
        assertThat(formattedColumn(posGrid(), "state")).containsExactly("Unmatched", "Unmatched", "Same name");
        assertThat(formattedColumn(posGrid(), "table")).containsExactly("", "Suggested: T7 (same table number)", "T12");
        assertThat(formattedColumn(posGrid(), "source").getFirst()).startsWith("Listed by the POS · 1 events, last on");
        assertThat(formattedColumn(tableGrid(), "name")).containsExactly("Bar", "T12", "T7");
        assertThat(formattedColumn(tableGrid(), "state")).containsExactly("Not named by the POS", "Linked", "Not named by the POS");
        assertThat(byId(Span.class, "table-names-summary").getText())
                .isEqualTo("POS names without a table: 2. Tables the POS does not name: 2.");
        assertThat(badge()).isEqualTo("2");
        assertThat(button("table-names-link").isEnabled()).isFalse();
    }

    @Test
    void selectingANameSelectsItsSuggestionLinkingUpdatesTheBadgeAndUndoTakesItBack() {
        open();

        GridKt._selectRow(posGrid(), 1);
        assertThat(tableGrid().asSingleSelect().getValue().name()).isEqualTo("T7");
        _click(button("table-names-link"));

        assertThat(formattedColumn(posGrid(), "name")).containsExactly("Sala 9", "T12", "Tavolo 7");
        assertThat(formattedColumn(posGrid(), "state")).containsExactly("Unmatched", "Same name", "Linked");
        assertThat(formattedColumn(tableGrid(), "posNames")).containsExactly("", "T12", "Tavolo 7");
        NotificationsKt.expectNotifications("Tavolo 7 linked to table T7.");
        assertThat(badge()).isEqualTo("1");

        _click(button("table-names-undo"));

        assertThat(formattedColumn(posGrid(), "state")).containsExactly("Unmatched", "Unmatched", "Same name");
        assertThat(badge()).isEqualTo("2");
        assertThat(button("table-names-undo").isEnabled()).isFalse();
    }

    @Test
    void undoingALinkChangedSinceSaysSoAndKeepsTheNewerLink() {
        open();
        GridKt._selectRow(posGrid(), 1);
        _click(button("table-names-link"));
        NotificationsKt.clearNotifications();
        long restaurantId = tenant.restaurant().getId();
        long bar = tables.tables(restaurantId).stream().filter(table -> table.getName().equals("Bar")).findFirst()
                .orElseThrow().getId();
        // as if from another session of the restaurant
        tableNames.link(restaurantId, connectionId, "Tavolo 7", bar);

        _click(button("table-names-undo"));

        NotificationsKt.expectNotifications(
                "The link of POS name Tavolo 7 was changed since, so this can no longer be undone.");
        assertThat(formattedColumn(tableGrid(), "posNames")).containsExactly("Tavolo 7", "T12", "");
    }

    @Test
    void renamingATableToThePosNameMatchesItExactlyAndCanBeUndone() {
        open();

        GridKt._selectRow(posGrid(), 0);
        GridKt._selectRow(tableGrid(), 0);
        _click(button("table-names-rename"));

        assertThat(formattedColumn(tableGrid(), "name")).contains("Sala 9").doesNotContain("Bar");
        assertThat(formattedColumn(posGrid(), "state")).containsExactly("Unmatched", "Same name", "Same name");

        _click(button("table-names-undo"));

        assertThat(formattedColumn(tableGrid(), "name")).containsExactly("Bar", "T12", "T7");
    }

    @Test
    void unlinkingAnExactNameFlagsIt() {
        open();

        GridKt._selectRow(posGrid(), 2);
        _click(button("table-names-unlink"));

        assertThat(formattedColumn(posGrid(), "name")).containsExactly("Sala 9", "T12", "Tavolo 7");
        assertThat(formattedColumn(posGrid(), "state")).containsExactly("Unmatched", "Unlinked", "Unmatched");
        assertThat(badge()).isEqualTo("3");
    }

    @Test
    void acceptingAllSuggestionsAsksFirst() {
        open();

        _click(button("table-names-accept-all"));
        ConfirmDialogKt._fireCancel(byId(ConfirmDialog.class, "table-names-accept-all-confirm"));
        assertThat(formattedColumn(posGrid(), "state")).containsExactly("Unmatched", "Unmatched", "Same name");

        _click(button("table-names-accept-all"));
        ConfirmDialogKt._fireConfirm(byId(ConfirmDialog.class, "table-names-accept-all-confirm"));

        assertThat(formattedColumn(posGrid(), "state")).containsExactly("Unmatched", "Same name", "Linked");
        NotificationsKt.expectNotifications("Suggestions accepted: 1.");
        assertThat(button("table-names-accept-all").isEnabled()).isFalse();
    }

    @Test
    void anotherRestaurantsOwnerSeesNothingOfThisOne() {
        Tenant other = fixtures.tenant();
        login(other.owner());
        navigate(TableNamesView.ROUTE);

        assertThat(byId(Paragraph.class, "table-names-no-connection").isVisible()).isTrue();
        _assertNone(Grid.class, spec -> spec.withId("pos-names-grid"));
        _assertNone(Span.class, spec -> spec.withId("nav-badge-table-names"));
    }

    private void open() {
        navigate(TableNamesView.ROUTE);
        NotificationsKt.clearNotifications();
    }

    private String badge() {
        return _find(Span.class, spec -> spec.withId("nav-badge-table-names")).stream()
                .map(Span::getText).findFirst().orElse("none");
    }

    private static Button button(String id) {
        return byId(Button.class, id);
    }

    private static Grid<Object> posGrid() {
        return byId(Grid.class, "pos-names-grid");
    }

    private static Grid<DiningTableLinks> tableGrid() {
        return byId(Grid.class, "dining-tables-grid");
    }
}
