package io.passerelle.restaurant.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;
import io.passerelle.security.Invitation;

/**
 * Shows a new account's temporary password, the only time it exists in clear text. Nothing keeps it
 * after the dialog closes, and a click outside does not close it by accident.
 */
class InvitationDialog extends Dialog {

    InvitationDialog(Invitation invitation) {
        setId("invitation-dialog");
        setHeaderTitle(getTranslation("user.invitation.title"));
        setCloseOnOutsideClick(false);
        setWidth("30em");

        var password = new TextField(getTranslation("user.invitation.password"));
        password.setId("invitation-password");
        password.setValue(invitation.temporaryPassword());
        password.setReadOnly(true);
        password.setWidthFull();
        password.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");

        var copy = new Button(getTranslation("user.invitation.copy"), VaadinIcon.COPY.create(), click -> {
            password.getElement().executeJs("navigator.clipboard.writeText($0)", invitation.temporaryPassword());
            Notification.show(getTranslation("user.invitation.copied"), 2000, Notification.Position.BOTTOM_START);
        });
        copy.setId("invitation-copy");

        var intro = new Paragraph(getTranslation("user.invitation.intro", invitation.account().getEmail()));
        var note = new Paragraph(getTranslation("user.invitation.once"));
        note.setId("invitation-note");
        note.getStyle().set("font-weight", "600");
        add(intro, password, copy, note);

        var close = new Button(getTranslation("action.close"), click -> close());
        close.setId("invitation-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(close);
    }
}
