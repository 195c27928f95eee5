package io.passerelle.restaurant.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import io.passerelle.shared.UserFacingException;
import java.util.HashMap;
import java.util.Map;

/**
 * Puts a service's refusal next to the input it is about, keyed by {@link UserFacingException#field()}.
 * The binder clears the mark again as soon as the person changes the value.
 */
final class FieldErrors {

    private final Map<String, Component> fields = new HashMap<>();

    <F extends Component & HasValidation> FieldErrors on(String field, F component) {
        fields.put(field, component);
        return this;
    }

    /** Shows the error on its field; a refusal about no known field is rethrown for the error handler to report. */
    void show(UserFacingException refusal) {
        Component component = refusal.field() == null ? null : fields.get(refusal.field());
        if (component == null) {
            throw refusal;
        }
        var field = (HasValidation) component;
        field.setErrorMessage(component.getTranslation(refusal.messageKey(), refusal.arguments()));
        field.setInvalid(true);
    }
}
