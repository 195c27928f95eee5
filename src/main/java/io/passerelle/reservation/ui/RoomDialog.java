package io.passerelle.reservation.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import io.passerelle.reservation.DiningTableService;
import io.passerelle.reservation.Room;
import io.passerelle.shared.UserFacingException;
import java.util.Map;

/** Add a room or rename one. Fires {@link RoomSaved} once stored. */
class RoomDialog extends Dialog {

    private final DiningTableService tables;
    private final long restaurantId;
    private final Room existing;
    private final TextField name = new TextField();

    /** {@code existing} null means a new room. */
    RoomDialog(DiningTableService tables, long restaurantId, Room existing) {
        this.tables = tables;
        this.restaurantId = restaurantId;
        this.existing = existing;
        setId("room-dialog");
        setHeaderTitle(getTranslation(existing == null ? "room.new" : "room.rename"));
        name.setId("room-name");
        name.setLabel(getTranslation("room.name"));
        name.setMaxLength(Room.NAME_MAX_LENGTH);
        name.setRequiredIndicatorVisible(true);
        name.setValue(existing == null ? "" : existing.getName());
        name.setWidthFull();
        add(name);

        var save = new Button(getTranslation("action.save"), click -> save());
        save.setId("room-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(name);
        var cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("room-cancel");
        getFooter().add(cancel, save);
    }

    private void save() {
        if (name.getValue().isBlank()) {
            name.setErrorMessage(getTranslation("room.error.name-required"));
            name.setInvalid(true);
            return;
        }
        try {
            if (existing == null) {
                tables.createRoom(restaurantId, name.getValue());
            } else {
                tables.renameRoom(restaurantId, existing.getId(), name.getValue());
            }
            UserFeedback.success(getTranslation("saved"));
            fireEvent(new RoomSaved(this));
            close();
        } catch (UserFacingException refused) {
            UserFeedback.showRefusal(this, refused, Map.of("name", name));
        }
    }

    Registration addRoomSavedListener(ComponentEventListener<RoomSaved> listener) {
        return addListener(RoomSaved.class, listener);
    }

    static final class RoomSaved extends ComponentEvent<RoomDialog> {

        RoomSaved(RoomDialog source) {
            super(source, false);
        }
    }
}
