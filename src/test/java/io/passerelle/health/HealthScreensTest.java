package io.passerelle.health;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import io.passerelle.KaribuTest;
import io.passerelle.TestFixtures.Tenant;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.PartnerConnection;
import io.passerelle.security.Recipient;
import io.passerelle.sync.SimulatedPos;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The health grid, the navbar's sync status and bell, and the onboarding checklist, driven as a person would. */
@Import(HealthFixtures.class)
class HealthScreensTest extends KaribuTest {

    @Autowired HealthFixtures history;
    @Autowired ConnectionService connections;
    @Autowired NotificationService notifications;

    @Test
    void supportSeesItsResellersConnectionsMostUrgentFirstWithAChart() {
        Tenant tenant = fixtures.tenant();
        Tenant stranger = fixtures.tenant();
        PartnerConnection healthy = history.connection(tenant, tenant.restaurant().getId());
        PartnerConnection failing = history.connection(tenant, tenant.sibling().getId());
        history.connection(stranger, stranger.restaurant().getId());
        history.delivered(healthy, Instant.now(), Duration.ofMillis(800));
        history.failed(failing, Instant.now().minus(Duration.ofHours(3)));

        login(tenant.support());
        navigate("health");

        Grid<ConnectionHealthRow> grid = byId(Grid.class, "health-grid");
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._getFormatted(grid, 0, "restaurant")).isEqualTo(tenant.sibling().getName());
        assertThat(GridKt._get(grid, 0).state()).isEqualTo(HealthState.FAILING);
        assertThat(GridKt._getFormatted(grid, 1, "restaurant")).isEqualTo(tenant.restaurant().getName());
        assertThat(GridKt._get(grid, 1).state()).isEqualTo(HealthState.HEALTHY);
        assertThat(GridKt._get(grid, 1).deliveries24h()).isEqualTo(1);
        Component chart = GridKt._getCellComponent(grid, 1, "chart");
        assertThat(chart).isInstanceOf(Html.class);
        String svg = ((Html) chart).getInnerHtml();
        assertThat(svg).contains("<rect class=\"delivered\"").contains("<title>");
        assertThat(chart.getElement().getAttribute("aria-label")).contains("1 delivered, 0 failed");
    }

    @Test
    void theSyncStatusTurnsAmberWhenStaleAndGreenWhenASyncArrivesByPush() {
        try (var pos = SimulatedPos.start(fixtures, connections)) {
            PartnerConnection connection = pos.asOwner(() -> connections.get(pos.restaurantId(), pos.connectionId()));
            history.delivered(connection, Instant.now().minus(Duration.ofMinutes(20)), Duration.ofSeconds(1));

            login(pos.tenant.owner());
            navigate("health");
            Span status = byId(Span.class, "sync-status");
            assertThat(status.getElement().getAttribute("data-staleness")).isEqualTo("amber");
            assertThat(status.getText()).isEqualTo("Last successful sync 20 min ago");

            history.delivered(connection, Instant.now(), Duration.ofSeconds(1));
            MockVaadin.clientRoundtrip(false);
            assertThat(status.getElement().getAttribute("data-staleness")).isEqualTo("fresh");
            assertThat(status.getText()).isEqualTo("Last successful sync just now");
        }
    }

    @Test
    void theBellCountsNewNotificationsLiveAndMarksThemRead() {
        Tenant tenant = fixtures.tenant();
        login(tenant.owner());
        navigate("health");
        _assertNone(Span.class, spec -> spec.withId("notification-count"));

        notifications.notify(List.of(new Recipient(tenant.owner().getId(), tenant.owner().getEmail(), Locale.ENGLISH)),
                tenant.restaurant().getId(), null, NotificationKind.CONNECTION_FAILING, "Trattoria – CaissePad");
        MockVaadin.clientRoundtrip(false);
        assertThat(byId(Span.class, "notification-count").getText()).isEqualTo("1");
        assertThat(byId(Button.class, "notification-bell").getAriaLabel())
                .contains("Notifications, 1 unread");

        _click(byId(Button.class, "notification-bell"));
        Component row = _get(Component.class, spec -> spec.withClasses("unread"));
        assertThat(row.getElement().getTextRecursively()).contains("Trattoria – CaissePad: the connection has been failing");
        _click(byId(Button.class, "notification-mark-all-read"));
        _assertNone(Span.class, spec -> spec.withId("notification-count"));
        _assertNone(Component.class, spec -> spec.withClasses("unread"));
        _get(Component.class, spec -> spec.withClasses("read"));
    }

    @Test
    void theChecklistTurnsGreenStepByStep() {
        try (var pos = SimulatedPos.start(fixtures, connections)) {
            login(pos.tenant.owner());
            navigate("checklist");
            String prefix = "checklist-" + pos.connectionId();
            assertThat(step(prefix, "credentials-tested")).isEqualTo("step-to-do");
            assertThat(step(prefix, "timezone-confirmed")).isEqualTo("step-to-do");
            assertThat(step(prefix, "tables-reconciled")).isEqualTo("step-not-checked-yet");
            assertThat(step(prefix, "certificate-valid")).isEqualTo("step-to-do");
            assertThat(step(prefix, "pay-at-table")).isEqualTo("step-not-applicable");
            _assertNone(Button.class, spec -> spec.withId(prefix + "-check-pay-at-table"));

            _click(_get(Button.class, spec -> spec.withId(prefix + "-test")));
            assertThat(step(prefix, "credentials-tested")).isEqualTo("step-done");
            assertThat(step(prefix, "pos-version")).isEqualTo("step-done");

            _click(_get(Button.class, spec -> spec.withId(prefix + "-confirm-time-zone")));
            assertThat(step(prefix, "timezone-confirmed")).isEqualTo("step-done");
            assertThat(step(prefix, "first-sync")).isEqualTo("step-to-do");
        }
    }

    @Test
    void payAtTableIsCheckedFromTheChecklistWhichSaysInPlainWordsWhatIsWrong() {
        try (var pos = SimulatedPos.start(fixtures, connections).withPayAtTable(connections, "not-this-till")) {
            login(pos.tenant.owner());
            navigate("checklist");
            String prefix = "checklist-" + pos.connectionId();
            assertThat(step(prefix, "pay-at-table")).isEqualTo("step-to-do");

            _click(_get(Button.class, spec -> spec.withId(prefix + "-check-pay-at-table")));

            NotificationsKt.expectNotifications("The pay-at-table server answers, but does not know this installation"
                    + " ID. Check the installation ID the POS shows, then check again.");
            assertThat(step(prefix, "pay-at-table")).isEqualTo("step-failed");
            assertThat(_get(ListItem.class, spec -> spec.withId(prefix + "-pay-at-table")).getElement()
                    .getTextRecursively()).contains("does not know this installation ID");

            pos.withPayAtTable(connections);
            navigate("checklist");
            _click(_get(Button.class, spec -> spec.withId(prefix + "-check-pay-at-table")));
            assertThat(step(prefix, "pay-at-table")).isEqualTo("step-done");
        }
    }

    private static String step(String prefix, String step) {
        return _get(ListItem.class, spec -> spec.withId(prefix + "-" + step)).getClassNames().stream()
                .filter(name -> name.startsWith("step-")).findFirst().orElseThrow();
    }
}
