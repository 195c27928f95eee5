package io.passerelle.reservation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.passerelle.reservation.ReservationStatus;
import io.passerelle.shared.UserFacingException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

/**
 * Tells the person how it went. A refusal from a service is shown where they look: next to the input
 * field it is about, or in an error notification; statuses and dates among its arguments are shown
 * in the reader's language.
 */
final class UserFeedback {

    private UserFeedback() {}

    static void showRefusal(Component where, UserFacingException refusal, Map<String, ? extends HasValidation> fields) {
        String message = refusalMessage(where, refusal);
        HasValidation field = refusal.field() == null ? null : fields.get(refusal.field());
        if (field != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        } else {
            error(message);
        }
    }

    static String refusalMessage(Component where, UserFacingException refusal) {
        Object[] arguments = Arrays.stream(refusal.arguments()).map(argument -> readable(where, argument)).toArray();
        return where.getTranslation(refusal.messageKey(), arguments);
    }

    static void error(String message) {
        Notification.show(message, 6000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    static void success(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static Object readable(Component where, Object argument) {
        if (argument instanceof ReservationStatus status) {
            return where.getTranslation(StatusBadge.labelKey(status));
        }
        if (argument instanceof LocalDate date) {
            return BookFormats.date(UI.getCurrent().getLocale(), date);
        }
        return argument;
    }
}
