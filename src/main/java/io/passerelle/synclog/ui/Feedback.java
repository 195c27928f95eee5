package io.passerelle.synclog.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Notifications of the log's actions, already translated. */
final class Feedback {

    private Feedback() {}

    static void success(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** Done, but not all of it: as long and as visible as an error, which it is not. */
    static void warning(String message) {
        problem(message, NotificationVariant.LUMO_WARNING);
    }

    static void error(String message) {
        problem(message, NotificationVariant.LUMO_ERROR);
    }

    private static void problem(String message, NotificationVariant variant) {
        Notification.show(message, 6000, Notification.Position.TOP_CENTER).addThemeVariants(variant);
    }
}
