package io.passerelle.reservation.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.shared.Registration;
import io.passerelle.reservation.CreateDiningTable;
import io.passerelle.reservation.DiningTable;
import io.passerelle.reservation.DiningTableDetails;
import io.passerelle.reservation.DiningTableService;
import io.passerelle.reservation.Room;
import io.passerelle.reservation.UpdateDiningTable;
import io.passerelle.shared.UserFacingException;
import java.util.List;
import java.util.Map;

/** Add a table, or rename, resize, move or delete one. Fires {@link TablesChanged} after each stored change. */
class DiningTableDialog extends Dialog {

    private final DiningTableService tables;
    private final long restaurantId;
    private final DiningTable existing;
    private final List<Room> rooms;
    private final BeanValidationBinder<DiningTableDetails> binder =
            new BeanValidationBinder<>(DiningTableDetails.class);
    private final TextField name = new TextField();
    private final IntegerField seats = new IntegerField();
    private final ComboBox<Room> room = new ComboBox<>();

    /** {@code existing} null means a new table. */
    DiningTableDialog(DiningTableService tables, long restaurantId, DiningTable existing) {
        this.tables = tables;
        this.restaurantId = restaurantId;
        this.existing = existing;
        this.rooms = tables.rooms(restaurantId);
        setId("table-dialog");
        setHeaderTitle(getTranslation(existing == null ? "table.new" : "table.edit"));

        name.setId("table-name");
        name.setLabel(getTranslation("table.name"));
        name.setHelperText(getTranslation("table.name.help"));
        name.setMaxLength(DiningTable.NAME_MAX_LENGTH);
        seats.setId("table-seats");
        seats.setLabel(getTranslation("table.seats"));
        seats.setMin(DiningTable.MIN_SEATS);
        seats.setMax(DiningTable.MAX_SEATS);
        seats.setStepButtonsVisible(true);
        room.setId("table-room");
        room.setLabel(getTranslation("table.room"));
        room.setClearButtonVisible(true);
        room.setItemLabelGenerator(Room::getName);
        room.setItems(rooms).setIdentifierProvider(Room::getId);

        // the rules live in Bean Validation; the components' own checks would repeat them without a message
        binder.setDefaultValidatorsEnabled(false);
        binder.forField(name).asRequired(getTranslation("table.error.name-required")).bind("name");
        binder.forField(seats).asRequired(getTranslation("table.error.seats-required")).bind("seats");
        binder.forField(room)
                .withConverter(Converter.<Room, Long>from(
                        choice -> Result.ok(choice == null ? null : choice.getId()),
                        id -> rooms.stream().filter(r -> r.getId().equals(id)).findFirst().orElse(null)))
                .bind("roomId");
        binder.readRecord(existing == null ? new DiningTableDetails("", 4, null) : existing.toDetails());
        var form = new FormLayout(name, seats, room);
        add(form);

        var save = new Button(getTranslation("action.save"), click -> save());
        save.setId("table-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(form);
        var cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("table-cancel");
        if (existing != null) {
            var delete = new Button(getTranslation("action.delete"), click -> confirmDelete());
            delete.setId("table-delete");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            delete.getStyle().set("margin-inline-end", "auto");
            getFooter().add(delete);
        }
        getFooter().add(cancel, save);
    }

    private void save() {
        try {
            DiningTableDetails details = binder.writeRecord();
            if (existing == null) {
                tables.createTable(new CreateDiningTable(restaurantId, details));
            } else {
                tables.updateTable(new UpdateDiningTable(restaurantId, existing.getId(), details));
            }
            done(getTranslation("saved"));
        } catch (ValidationException invalid) {
            // the binder shows each problem next to its field
        } catch (UserFacingException refused) {
            UserFeedback.showRefusal(this, refused, Map.of("name", name, "seats", seats, "roomId", room));
        }
    }

    private void confirmDelete() {
        var confirm = new ConfirmDialog();
        confirm.setId("table-delete-confirm");
        confirm.setHeader(getTranslation("table.delete.title", existing.getName()));
        confirm.setText(getTranslation("table.delete.text"));
        confirm.setConfirmText(getTranslation("action.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.addConfirmListener(confirmed -> delete());
        confirm.open();
    }

    private void delete() {
        try {
            tables.deleteTable(restaurantId, existing.getId());
            done(getTranslation("table.deleted", existing.getName()));
        } catch (UserFacingException refused) {
            UserFeedback.error(UserFeedback.refusalMessage(this, refused));
        }
    }

    private void done(String message) {
        UserFeedback.success(message);
        fireEvent(new TablesChanged(this));
        close();
    }

    Registration addTablesChangedListener(ComponentEventListener<TablesChanged> listener) {
        return addListener(TablesChanged.class, listener);
    }

    static final class TablesChanged extends ComponentEvent<DiningTableDialog> {

        TablesChanged(DiningTableDialog source) {
            super(source, false);
        }
    }
}
