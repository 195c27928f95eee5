package io.passerelle.connection.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.passerelle.connection.ApiKey;

/**
 * Shows a new API key the one time it exists in clear. Closing it is deliberate (no outside click):
 * the key cannot be shown again, only replaced.
 */
class ApiKeyDialog extends Dialog {

    ApiKeyDialog(ApiKey key) {
        setId("api-key-dialog");
        setHeaderTitle(getTranslation("connection.api-key.dialog-title"));
        // closed only by its button: a stray click or Esc would lose a key that is never shown again
        setCloseOnOutsideClick(false);
        setCloseOnEsc(false);
        setWidth("36rem");

        var warning = new Paragraph(getTranslation("connection.api-key.shown-once"));
        warning.addClassName("secret-warning");
        var value = new TextField(getTranslation("connection.api-key.label"));
        value.setId("api-key-value");
        value.setValue(key.value());
        value.setReadOnly(true);
        var copy = new CopyButton(key.value());
        copy.setId("api-key-copy");
        var row = new HorizontalLayout(value, copy);
        row.setWidthFull();
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.expand(value);
        add(warning, row);

        var close = new Button(getTranslation("action.close"), click -> close());
        close.setId("api-key-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(close);
    }
}
