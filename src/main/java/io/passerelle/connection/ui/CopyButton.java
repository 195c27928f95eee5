package io.passerelle.connection.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Copies a value to the clipboard through the browser's Clipboard API. */
class CopyButton extends Button {

    CopyButton(String value) {
        setText(getTranslation("connection.copy"));
        setIcon(VaadinIcon.COPY.create());
        // said only once the browser has written it: a browser may refuse (no permission, not a secure page), and
        // the value may be a key that is shown only once
        addClickListener(click -> getElement().executeJs("return navigator.clipboard.writeText($0)", value)
                .then(written -> Notification.show(getTranslation("connection.copied"), 3000,
                                Notification.Position.BOTTOM_START),
                        refused -> Notification.show(getTranslation("connection.copy-refused"), 6000,
                                Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR)));
    }
}
