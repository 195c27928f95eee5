package io.passerelle.reservation.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.shared.Registration;
import io.passerelle.reservation.CreateGuest;
import io.passerelle.reservation.Guest;
import io.passerelle.reservation.GuestDetails;
import io.passerelle.reservation.GuestService;
import io.passerelle.reservation.UpdateGuest;
import io.passerelle.shared.UserFacingException;
import java.util.Map;

/** Create a guest, or edit one; fires {@link GuestSaved} with the stored guest. */
class GuestDialog extends Dialog {

    private final GuestService guests;
    private final long restaurantId;
    private final Guest existing;
    private final BeanValidationBinder<GuestDetails> binder = new BeanValidationBinder<>(GuestDetails.class);
    private final TextField firstName = new TextField();
    private final TextField lastName = new TextField();
    private final TextField mobile = new TextField();
    private final EmailField email = new EmailField();

    /** {@code existing} null means a new guest. */
    GuestDialog(GuestService guests, long restaurantId, Guest existing) {
        this.guests = guests;
        this.restaurantId = restaurantId;
        this.existing = existing;
        setId("guest-dialog");
        setHeaderTitle(getTranslation(existing == null ? "guest.new" : "guest.edit"));

        firstName.setId("guest-first-name");
        firstName.setLabel(getTranslation("guest.first-name"));
        firstName.setMaxLength(Guest.FIRST_NAME_MAX_LENGTH);
        lastName.setId("guest-last-name");
        lastName.setLabel(getTranslation("guest.last-name"));
        lastName.setMaxLength(Guest.LAST_NAME_MAX_LENGTH);
        mobile.setId("guest-mobile");
        mobile.setLabel(getTranslation("guest.mobile"));
        mobile.setHelperText(getTranslation("guest.mobile.help"));
        // room for the spaces and dashes people type; the stored number has at most MOBILE_MAX_LENGTH
        mobile.setMaxLength(Guest.MOBILE_MAX_LENGTH * 2);
        email.setId("guest-email");
        email.setLabel(getTranslation("guest.email"));
        email.setMaxLength(Guest.EMAIL_MAX_LENGTH);

        // the rules live in Bean Validation; the components' own checks would repeat them without a message
        binder.setDefaultValidatorsEnabled(false);
        binder.forField(firstName).asRequired(getTranslation("guest.error.first-name-required")).bind("firstName");
        binder.forField(lastName).asRequired(getTranslation("guest.error.last-name-required")).bind("lastName");
        binder.forField(mobile)
                .withConverter(Converter.<String, String>from(text -> Result.ok(GuestDetails.normalizeMobile(text)),
                        number -> number == null ? "" : number))
                .bind("mobile");
        binder.forField(email).withNullRepresentation("").bind("email");
        binder.readRecord(existing == null ? new GuestDetails("", "", null, null) : existing.toDetails());

        var form = new FormLayout(firstName, lastName, mobile, email);
        add(form);

        var save = new Button(getTranslation("action.save"), click -> save());
        save.setId("guest-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(form);
        var cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("guest-cancel");
        getFooter().add(cancel, save);
    }

    private void save() {
        try {
            GuestDetails details = binder.writeRecord();
            Guest saved = existing == null
                    ? guests.create(new CreateGuest(restaurantId, details))
                    : guests.update(new UpdateGuest(restaurantId, existing.getId(), existing.getVersion(), details));
            UserFeedback.success(getTranslation("saved"));
            fireEvent(new GuestSaved(this, saved));
            close();
        } catch (ValidationException invalid) {
            // the binder shows each problem next to its field
        } catch (UserFacingException refused) {
            UserFeedback.showRefusal(this, refused, Map.of("firstName", firstName, "lastName", lastName,
                    "mobile", mobile, "email", email));
        }
    }

    Registration addGuestSavedListener(ComponentEventListener<GuestSaved> listener) {
        return addListener(GuestSaved.class, listener);
    }

    static final class GuestSaved extends ComponentEvent<GuestDialog> {

        private final Guest guest;

        GuestSaved(GuestDialog source, Guest guest) {
            super(source, false);
            this.guest = guest;
        }

        Guest guest() {
            return guest;
        }
    }
}
