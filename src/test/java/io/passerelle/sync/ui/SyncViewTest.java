package io.passerelle.sync.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.passerelle.KaribuTest;
import io.passerelle.connection.ConnectionService;
import io.passerelle.reservation.GuestService;
import io.passerelle.reservation.ReservationService;
import io.passerelle.sync.SimulatedPos;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class SyncViewTest extends KaribuTest {

    @Autowired
    ConnectionService connections;

    @Autowired
    ReservationService reservations;

    @Autowired
    GuestService guests;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aManualSyncShowsItsProgressLiveAndASummary() {
        try (var pos = SimulatedPos.start(fixtures, connections)) {
            setEnabled(pos, false);
            for (int i = 0; i < 3; i++) {
                pos.book(reservations, guests, 2 + i, null);
            }
            setEnabled(pos, true);
            login(pos.tenant.owner());
            navigate("sync");
            String prefix = "sync-" + pos.connectionId();
            assertThat(_get(Span.class, spec -> spec.withId(prefix + "-health")).getText()).isEqualTo(t("sync.health.healthy"));

            _click(_get(Button.class, spec -> spec.withId(prefix + "-start")));

            assertThat(_get(Button.class, spec -> spec.withId(prefix + "-start")).isEnabled()).isFalse();
            Paragraph summary = awaitVisible(prefix + "-summary");
            assertThat(summary.getText()).isEqualTo(t("sync.summary.done", 3, 0, 0, 0));
            assertThat(_get(ProgressBar.class, spec -> spec.withId(prefix + "-progress")).getValue()).isEqualTo(1.0);
            assertThat(_get(Span.class, spec -> spec.withId(prefix + "-progress-text")).getText())
                    .isEqualTo(t("sync.progress.text", 3, 3));
            assertThat(_get(Button.class, spec -> spec.withId(prefix + "-start")).isEnabled()).isTrue();
            _assertNone(Button.class, spec -> spec.withId(prefix + "-cancel"));
        }
    }

    @Test
    void aSecondSyncOfTheSameConnectionIsRefusedWhileOneRuns() {
        try (var pos = SimulatedPos.start(fixtures, connections)) {
            // a sync of this connection under way on another node
            jdbc.update("insert into sync_lease (connection_id, holder, held_until) values (?, 'other-node', ?)",
                    pos.connectionId(), LocalDateTime.now(ZoneOffset.UTC).plusMinutes(5));
            login(pos.tenant.owner());
            navigate("sync");

            _click(_get(Button.class, spec -> spec.withId("sync-" + pos.connectionId() + "-start")));

            NotificationsKt.expectNotifications(t("sync.error.already-running"));
            assertThat(_get(Button.class, spec -> spec.withId("sync-" + pos.connectionId() + "-start")).isEnabled()).isTrue();
        }
    }

    @Test
    void withoutAPushConnectionThePageSaysWhereToConnectOne() {
        var tenant = fixtures.tenant();
        login(tenant.owner());
        navigate("sync");

        assertThat(byId(Paragraph.class, "sync-no-connection").getText())
                .isEqualTo(t("sync.view.no-push-connection"));
    }

    /** The sync runs on its own thread; its UI.access updates land at the next round trip. */
    private static Paragraph awaitVisible(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (_find(Paragraph.class, spec -> spec.withId(id)).isEmpty()) {
            assertThat(System.nanoTime()).as("the summary within 15 s").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            MockVaadin.clientRoundtrip(false);
        }
        return _get(Paragraph.class, spec -> spec.withId(id));
    }

    private void setEnabled(SimulatedPos pos, boolean enabled) {
        pos.asOwner(() -> connections.setEnabled(pos.restaurantId(), pos.connectionId(), enabled));
    }

    private static String t(String key, Object... arguments) {
        return UI.getCurrent().getTranslation(key, arguments);
    }
}
