package io.passerelle.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import io.passerelle.shared.UserFacingException;
import io.passerelle.shared.database.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.security.access.AccessDeniedException;

/**
 * The one place unexpected UI errors end up: rule violations are told to the user in their language, as are a change
 * someone else made meanwhile and a database out of reach (try again); anything else is logged with its stack trace
 * and reported as a generic failure.
 */
class UserErrorHandler implements ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(UserErrorHandler.class);

    @Override
    public void error(ErrorEvent event) {
        Throwable cause = telling(event.getThrowable());
        UI ui = UI.getCurrent();
        if (ui == null) {
            log.error("Error outside a UI", event.getThrowable());
            return;
        }
        String message;
        if (cause instanceof UserFacingException userFacing) {
            log.info("Refused: {}", userFacing.getMessage());
            message = ui.getTranslation(userFacing.messageKey(), userFacing.arguments());
        } else if (cause instanceof AccessDeniedException) {
            log.warn("Access denied", cause);
            message = ui.getTranslation("error.access-denied");
        } else if (cause instanceof ConcurrencyFailureException) {
            // what was read changed meanwhile (a version check, a lock conflict): nothing of it was written
            log.info("Concurrent change: {}", cause.getMessage());
            message = ui.getTranslation("error.conflict");
        } else if (DatabaseOutage.is(cause)) {
            log.warn("Database out of reach: {}", cause.getMessage());
            message = ui.getTranslation("error.database-unavailable");
        } else {
            log.error("Unexpected error", event.getThrowable());
            message = ui.getTranslation("error.unexpected");
        }
        ui.access(() -> {
            var notification = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        });
    }

    /**
     * The first cause in the chain that says something to the user; or the throwable itself (which
     * {@link DatabaseOutage#is} reads through its whole chain).
     */
    private static Throwable telling(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t instanceof UserFacingException || t instanceof AccessDeniedException
                    || t instanceof ConcurrencyFailureException) {
                return t;
            }
        }
        return throwable;
    }
}
