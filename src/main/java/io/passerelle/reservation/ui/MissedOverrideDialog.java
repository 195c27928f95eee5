package io.passerelle.reservation.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.shared.Registration;
import io.passerelle.reservation.MissedOverride;
import io.passerelle.reservation.OverrideMissed;
import io.passerelle.reservation.Reservation;
import io.passerelle.reservation.ReservationService;
import io.passerelle.reservation.ReservationStatus;
import io.passerelle.shared.UserFacingException;
import java.util.Map;

/**
 * Staff un-park a missed reservation: the status to restore and why. The dialog is the confirmation: it says what
 * will happen (the till hears of the reservation again). Fires {@link MissedOverridden} once stored.
 */
class MissedOverrideDialog extends Dialog {

    private final ReservationService reservations;
    private final Reservation missed;
    private final RadioButtonGroup<ReservationStatus> restoreTo = new RadioButtonGroup<>();
    private final TextArea reason = new TextArea();
    private final Binder<Choice> binder = new Binder<>();

    MissedOverrideDialog(ReservationService reservations, Reservation missed) {
        this.reservations = reservations;
        this.missed = missed;
        setId("missed-override-dialog");
        setHeaderTitle(getTranslation("reservation.override.title"));
        setWidth("min(32em, 100%)");

        var explanation = new Paragraph(getTranslation("reservation.override.text",
                getTranslation(StatusBadge.labelKey(missed.getStatus()))));
        restoreTo.setId("missed-override-status");
        restoreTo.setLabel(getTranslation("reservation.override.restore-to"));
        restoreTo.setItems(ReservationStatus.RESTORABLE);
        restoreTo.setItemLabelGenerator(status -> getTranslation(StatusBadge.labelKey(status)));
        reason.setId("missed-override-reason");
        reason.setLabel(getTranslation("reservation.override.reason"));
        reason.setHelperText(getTranslation("reservation.override.reason.help"));
        reason.setMaxLength(MissedOverride.REASON_MAX_LENGTH);
        reason.setWidthFull();
        binder.forField(restoreTo)
                .asRequired(getTranslation("reservation.override.error.restore-to-required"))
                .bind(Choice::getRestoreTo, Choice::setRestoreTo);
        binder.forField(reason)
                .asRequired(getTranslation("reservation.override.error.reason-required"))
                .withValidator(text -> !text.isBlank(), getTranslation("reservation.override.error.reason-required"))
                .withValidator(new StringLengthValidator(getTranslation("reservation.override.error.reason-too-long",
                        MissedOverride.REASON_MAX_LENGTH), 0, MissedOverride.REASON_MAX_LENGTH))
                .bind(Choice::getReason, Choice::setReason);
        var content = new VerticalLayout(explanation, restoreTo, reason);
        content.setPadding(false);
        add(content);

        var confirm = new Button(getTranslation("reservation.override.confirm"), click -> confirm());
        confirm.setId("missed-override-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // not on the reason: Enter there starts a new line
        confirm.addClickShortcut(Key.ENTER).listenOn(restoreTo);
        var cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("missed-override-cancel");
        getFooter().add(cancel, confirm);
    }

    private void confirm() {
        var choice = new Choice();
        try {
            binder.writeBean(choice);
            reservations.overrideMissed(new OverrideMissed(missed.getRestaurantId(), missed.getId(),
                    choice.getRestoreTo(), choice.getReason()));
            UserFeedback.success(getTranslation("reservation.override.done",
                    getTranslation(StatusBadge.labelKey(choice.getRestoreTo()))));
            fireEvent(new MissedOverridden(this));
            close();
        } catch (ValidationException invalid) {
            // the binder shows each problem next to its field
        } catch (UserFacingException refused) {
            UserFeedback.showRefusal(this, refused, Map.of("restoreTo", restoreTo, "reason", reason));
        }
    }

    Registration addMissedOverriddenListener(ComponentEventListener<MissedOverridden> listener) {
        return addListener(MissedOverridden.class, listener);
    }

    /** What the person chose, for the binder. */
    private static final class Choice {

        private ReservationStatus restoreTo;
        private String reason;

        ReservationStatus getRestoreTo() {
            return restoreTo;
        }

        void setRestoreTo(ReservationStatus restoreTo) {
            this.restoreTo = restoreTo;
        }

        String getReason() {
            return reason;
        }

        void setReason(String reason) {
            this.reason = reason;
        }
    }

    /** The reservation is no longer missed. */
    static final class MissedOverridden extends ComponentEvent<MissedOverrideDialog> {

        MissedOverridden(MissedOverrideDialog source) {
            super(source, false);
        }
    }
}
