package io.passerelle.restaurant.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import io.passerelle.restaurant.Reseller;
import io.passerelle.restaurant.RestaurantService;
import io.passerelle.shared.RuleViolationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Adds a POS reseller: a name, nothing else. */
class ResellerDialog extends Dialog {

    private final RestaurantService restaurants;
    private final Consumer<Reseller> onSaved;
    private final TextField name = new TextField();
    private final Binder<AtomicReference<String>> binder = new Binder<>();
    private final FieldErrors errors = new FieldErrors();

    ResellerDialog(RestaurantService restaurants, Consumer<Reseller> onSaved) {
        this.restaurants = restaurants;
        this.onSaved = onSaved;
        setId("reseller-form");
        setHeaderTitle(getTranslation("reseller.form.new"));

        name.setId("reseller-name");
        name.setLabel(getTranslation("reseller.name"));
        name.setMaxLength(Reseller.NAME_MAX_LENGTH);
        name.setRequiredIndicatorVisible(true);
        name.setI18n(new TextField.TextFieldI18n()
                .setRequiredErrorMessage(getTranslation("reseller.error.name-required"))
                .setMaxLengthErrorMessage(getTranslation("reseller.error.name-too-long", Reseller.NAME_MAX_LENGTH)));
        name.setWidth("24em");
        binder.forField(name)
                .asRequired(getTranslation("reseller.error.name-required"))
                .withValidator(value -> !value.isBlank(), getTranslation("reseller.error.name-required"))
                .bind(AtomicReference::get, AtomicReference::set);
        errors.on("name", name);
        add(name);

        var save = new Button(getTranslation("action.save"), click -> save());
        save.setId("reseller-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(name);
        var cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("reseller-cancel");
        getFooter().add(cancel, save);
    }

    private void save() {
        var typed = new AtomicReference<String>();
        if (!binder.writeBeanIfValid(typed)) {
            return;
        }
        try {
            Reseller saved = restaurants.createReseller(typed.get());
            close();
            onSaved.accept(saved);
        } catch (RuleViolationException refused) {
            errors.show(refused);
        }
    }
}
