package io.passerelle.connection.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;

/** Copies a value to the clipboard through the browser's Clipboard API. */
class CopyButton extends Button {

    CopyButton(String value) {
        setText(getTranslation("connection.copy"));
        setIcon(VaadinIcon.COPY.create());
        addClickListener(click -> {
            getElement().executeJs("return navigator.clipboard.writeText($0)", value);
            Notification.show(getTranslation("connection.copied"), 3000, Notification.Position.BOTTOM_START);
        });
    }
}
