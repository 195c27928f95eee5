package io.passerelle.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;
import io.passerelle.KaribuTest;
import io.passerelle.reservation.DiningTable;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/** What a person is told when something fails under a click, by the session's error handler. */
class UserErrorHandlerTest extends KaribuTest {

    @BeforeEach
    void onAScreen() {
        login(fixtures.tenant().owner());
        navigate("");
        NotificationsKt.clearNotifications();
    }

    @Test
    void aChangeSomeoneElseMadeMeanwhileIsToldAsSuchNotAsAnUnexpectedError() {
        fail(new IllegalStateException("a listener failed",
                new ObjectOptimisticLockingFailureException(DiningTable.class, 42L)));

        NotificationsKt.expectNotifications("Someone else changed this in the meantime. Reload and try again.");
    }

    @Test
    void aDatabaseOutOfReachIsToldAsSuch() {
        fail(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));

        NotificationsKt.expectNotifications(
                "The database cannot be reached for the moment, so this may not have been saved: check, then try"
                        + " again in a few seconds.");
    }

    @Test
    void anythingElseIsAGenericFailureEvenWhatTheDriverCallsTransient() {
        fail(new TransientDataAccessResourceException("a trigger's SIGNAL 45000",
                new SQLTransientConnectionException("Orders of this kind are not taken", "45000")));

        NotificationsKt.expectNotifications(
                "Something went wrong. Please try again; if it keeps happening, contact support.");
    }

    private static void fail(Throwable failure) {
        var handler = VaadinSession.getCurrent().getErrorHandler();
        assertThat(handler).as("installed for every session").isInstanceOf(UserErrorHandler.class);
        handler.error(new ErrorEvent(failure));
        MockVaadin.runUIQueue();
    }
}
