package io.passerelle.reservation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValue;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Types a value into a field as a person would: the change arrives "from the client", and only an
 * enabled, visible, writable field accepts it. Stands in for Karibu's {@code _setValue}, which in
 * 2.6.2 looks for an {@code AbstractFieldSupport} method that Vaadin 25 no longer has.
 */
final class UserInput {

    private static final Method SET_MODEL_VALUE;

    static {
        try {
            SET_MODEL_VALUE = AbstractField.class.getDeclaredMethod("setModelValue", Object.class, boolean.class);
            SET_MODEL_VALUE.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private UserInput() {}

    static <V> void enter(HasValue<?, V> field, V value) {
        var component = (AbstractField<?, V>) field;
        assertThat(component.isEnabled()).as("%s is enabled", component.getId()).isTrue();
        assertThat(component.isVisible()).as("%s is visible", component.getId()).isTrue();
        assertThat(component.isReadOnly()).as("%s is writable", component.getId()).isFalse();
        try {
            SET_MODEL_VALUE.invoke(component, value, true);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
