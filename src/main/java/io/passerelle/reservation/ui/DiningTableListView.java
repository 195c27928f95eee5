package io.passerelle.reservation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.passerelle.reservation.DiningTable;
import io.passerelle.reservation.DiningTableService;
import io.passerelle.reservation.Room;
import io.passerelle.restaurant.CurrentRestaurant;
import io.passerelle.restaurant.RestaurantRef;
import jakarta.annotation.security.PermitAll;

/**
 * The current restaurant's tables (named as the restaurant names them) and rooms. A click on a row
 * edits it. The lists are whole: a restaurant has tens of tables.
 */
@Route("tables")
@Menu(order = 30, title = "nav.tables", icon = "vaadin:table")
@PermitAll
class DiningTableListView extends VerticalLayout implements HasDynamicTitle {

    private final DiningTableService tables;
    private final Grid<DiningTable> tableGrid = new Grid<>();
    private final Grid<Room> roomGrid = new Grid<>();

    DiningTableListView(CurrentRestaurant currentRestaurant, DiningTableService tables) {
        this.tables = tables;
        setId("table-list-view");
        currentRestaurant.get().ifPresentOrElse(this::showTables,
                () -> add(new NoRestaurantSelected("tables-no-restaurant")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.tables");
    }

    private void showTables(RestaurantRef restaurant) {
        long restaurantId = restaurant.id();
        var addTable = new Button(getTranslation("table.new"), VaadinIcon.PLUS.create(), click -> {
            var dialog = new DiningTableDialog(tables, restaurantId, null);
            dialog.addTablesChangedListener(changed -> refresh(restaurantId));
            dialog.open();
        });
        addTable.setId("table-new");
        tableGrid.setId("tables-grid");
        tableGrid.setAllRowsVisible(true);
        tableGrid.addColumn(DiningTable::getName).setKey("name").setHeader(getTranslation("table.name"));
        tableGrid.addColumn(table -> table.getRoom() == null ? "" : table.getRoom().getName())
                .setKey("room").setHeader(getTranslation("table.room"));
        tableGrid.addColumn(DiningTable::getSeats).setKey("seats").setHeader(getTranslation("table.seats"));
        tableGrid.setEmptyStateText(getTranslation("table.none"));
        Rows.openOnSelect(tableGrid, table -> {
            var dialog = new DiningTableDialog(tables, restaurantId, table);
            dialog.addTablesChangedListener(changed -> refresh(restaurantId));
            dialog.open();
        });

        var addRoom = new Button(getTranslation("room.new"), VaadinIcon.PLUS.create(),
                click -> openRoom(restaurantId, null));
        addRoom.setId("room-new");
        roomGrid.setId("rooms-grid");
        roomGrid.setAllRowsVisible(true);
        roomGrid.setMaxWidth("30em");
        roomGrid.addColumn(Room::getName).setKey("name").setHeader(getTranslation("room.name"));
        roomGrid.setEmptyStateText(getTranslation("room.none"));
        Rows.openOnSelect(roomGrid, room -> openRoom(restaurantId, room));

        add(heading("table.title", addTable), tableGrid, heading("room.title", addRoom), roomGrid);
        refresh(restaurantId);
    }

    private HorizontalLayout heading(String titleKey, Button action) {
        var heading = new HorizontalLayout(new H3(getTranslation(titleKey)), action);
        heading.setAlignItems(FlexComponent.Alignment.BASELINE);
        return heading;
    }

    private void openRoom(long restaurantId, Room room) {
        var dialog = new RoomDialog(tables, restaurantId, room);
        dialog.addRoomSavedListener(saved -> refresh(restaurantId));
        dialog.open();
    }

    /** Room names show in the table list too, so both lists reload together. */
    private void refresh(long restaurantId) {
        tableGrid.setItems(tables.tables(restaurantId));
        roomGrid.setItems(tables.rooms(restaurantId));
    }
}
