package io.passerelle.synclog.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.StreamResourceRegistry;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import io.passerelle.KaribuTest;
import io.passerelle.TestFixtures;
import io.passerelle.TestFixtures.Tenant;
import io.passerelle.security.AppRole;
import io.passerelle.synclog.BulkLog;
import io.passerelle.synclog.LogDirection;
import io.passerelle.synclog.LogLine;
import io.passerelle.synclog.LogOutcome;
import io.passerelle.synclog.LogRecord;
import io.passerelle.synclog.SyncLogService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class SyncLogViewTest extends KaribuTest {

    @Autowired
    SyncLogService syncLog;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOwnerSeesOnlyTheirRestaurantsLinesNewestFirstAndFilters() {
        Tenant tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        long delivered = syncLog.record(LogRecord.message(restaurantId, LogDirection.OUT, "reservation.upserted")
                .connection(1, "caissepad").messageId("wh-1").reservation(11L).http(200, 1, 30));
        long refused = syncLog.record(LogRecord.rejected(restaurantId, "reservation.attached",
                "reservation_not_confirmed", "reservation 11 is PENDING").messageId("ev-1").reservation(11L));
        syncLog.record(LogRecord.message(tenant.sibling().getId(), LogDirection.OUT, "reservation.upserted")
                .messageId("sibling"));
        login(tenant.owner());
        navigate("sync-log");

        assertThat(ids()).containsExactly(refused, delivered);
        _assertNone(ComboBox.class, spec -> spec.withId("log-filter-restaurant"));
        assertThat(GridKt._getFormatted(grid(), 0, "error")).isEqualTo(t("synclog.error.reservation_not_confirmed"));
        assertThat(GridKt._getFormatted(grid(), 1, "direction")).isEqualTo(t("synclog.direction.OUT"));

        setAsUser(comboBox("log-filter-outcome"), LogOutcome.REJECTED);
        assertThat(ids()).containsExactly(refused);
        setAsUser(comboBox("log-filter-outcome"), null);
        setAsUser(comboBox("log-filter-direction"), LogDirection.OUT);
        assertThat(ids()).containsExactly(delivered);
        setAsUser(comboBox("log-filter-direction"), null);
        setAsUser(_get(TextField.class, spec -> spec.withId("log-filter-text")), "ev-1");
        assertThat(ids()).containsExactly(refused);
        setAsUser(_get(TextField.class, spec -> spec.withId("log-filter-text")), "no such thing");
        assertThat(ids()).isEmpty();
    }

    @Test
    void supportSeesEveryRestaurantOfItsResellerAndNoOther() {
        Tenant tenant = fixtures.tenant();
        Tenant stranger = fixtures.tenant();
        String marker = TestFixtures.unique("support");
        long mine = line(tenant.restaurant().getId(), marker);
        long sibling = line(tenant.sibling().getId(), marker);
        line(stranger.restaurant().getId(), marker);
        login(tenant.support());
        navigate("sync-log");
        setAsUser(_get(TextField.class, spec -> spec.withId("log-filter-text")), marker);

        assertThat(ids()).containsExactly(sibling, mine);
        assertThat(GridKt._getFormatted(grid(), 0, "restaurant")).contains(tenant.sibling().getName());

        setAsUser(comboBox("log-filter-restaurant"), tenant.restaurant().toRef());
        assertThat(ids()).containsExactly(mine);
    }

    @Test
    void onboardingReadsAcrossEveryRestaurant() {
        Tenant tenant = fixtures.tenant();
        Tenant other = fixtures.tenant();
        String marker = TestFixtures.unique("onboarding");
        long first = line(tenant.restaurant().getId(), marker);
        long second = line(other.sibling().getId(), marker);
        login(fixtures.staff(AppRole.ONBOARDING));
        navigate("sync-log");
        setAsUser(_get(TextField.class, spec -> spec.withId("log-filter-text")), marker);

        assertThat(ids()).containsExactly(second, first);
    }

    @Test
    void aWordSearchThatReadsTooMuchIsStoppedWithTheReasonNextToTheField() {
        Tenant tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        try (var bulk = BulkLog.seed(jdbc, restaurantId, Instant.now().minusSeconds(60))) {
            login(tenant.owner());
            navigate("sync-log");
            TextField search = searchField();

            setAsUser(search, "timeout");

            assertThat(ids()).isEmpty();
            assertThat(search.isInvalid()).isTrue();
            assertThat(search.getErrorMessage()).isEqualTo(t("synclog.search-too-broad"));
            assertThat(grid().getEmptyStateText()).as("never a silent empty grid").isEqualTo(t("synclog.search-stopped"));
            assertThat(exportLink().isEnabled()).as("no download of a search that was stopped").isFalse();

            setAsUser(search, "bulk-77");
            assertThat(search.isInvalid()).as("a search that fills its page").isFalse();
            assertThat(exportLink().isEnabled()).isTrue();
            assertThat(GridKt._get(grid(), 0).messageId()).isEqualTo("bulk-77");
        }
    }

    @Test
    void aPastedIdIsFoundWhateverTheDatesAndAnotherTenantsFindsNothing() {
        Tenant tenant = fixtures.tenant();
        String mine = "msg_" + UUID.randomUUID();
        long old = line(tenant.restaurant().getId(), mine);
        jdbc.update("update sync_log_entry set occurred_at = occurred_at - interval 60 day where id = ?", old);
        // another tenant's line, and its id pasted
        String strangers = "msg_" + UUID.randomUUID();
        line(fixtures.tenant().restaurant().getId(), strangers);
        login(tenant.owner());
        navigate("sync-log");
        TextField search = searchField();

        setAsUser(search, mine);
        assertThat(ids()).as("60 days ago, outside the default week").containsExactly(old);
        assertThat(search.getHelperText()).isEqualTo(t("synclog.filter.id-whole-log"));

        setAsUser(search, strangers);
        assertThat(ids()).isEmpty();
        assertThat(search.isInvalid()).isFalse();
        assertThat(grid().getEmptyStateText()).isEqualTo(t("synclog.none-id"));

        setAsUser(search, "no such thing");
        assertThat(ids()).isEmpty();
        assertThat(search.getHelperText()).isNull();
        assertThat(grid().getEmptyStateText()).isEqualTo(t("synclog.none"));
    }

    @Test
    void theGridPagesThroughTheLogByKeyset() {
        Tenant tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        List<Long> written = IntStream.range(0, 130)
                .mapToObj(i -> syncLog.record(LogRecord.message(restaurantId, LogDirection.IN, "order.opened")
                        .messageId("e" + i)))
                .toList();
        login(tenant.owner());
        navigate("sync-log");

        // straight to a row two pages ahead, then back to the first ones
        assertThat(GridKt._get(grid(), 120).id()).isEqualTo(written.get(9));
        assertThat(GridKt._get(grid(), 0).id()).isEqualTo(written.get(129));
        assertThat(GridKt._get(grid(), 60).id()).isEqualTo(written.get(69));
        assertThat(ids()).hasSize(130).containsExactlyElementsOf(written.reversed());
    }

    @Test
    void aLineOpensWithItsErrorInPlainWordsAndItsBodiesWithoutSecrets() {
        Tenant tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        syncLog.record(LogRecord.message(restaurantId, LogDirection.OUT, "reservation.upserted")
                .connection(1, "caissepad").messageId("wh-9").reservation(12L).outcome(LogOutcome.FAILED)
                .http(401, 1, 20).error("BAD_TOKEN", "The POS did not accept Passerelle's signature or token (HTTP 401)")
                .payload("{\"id\":\"r_c\",\"token\":\"tok_live_999\"}", null));
        login(tenant.owner());
        navigate("sync-log");

        GridKt._selectRow(grid(), 0);

        assertThat(_get(Paragraph.class, spec -> spec.withId("log-detail-explanation")).getText())
                .isEqualTo(t("synclog.error.bad_token"));
        assertThat(_get(Pre.class, spec -> spec.withId("log-detail-request")).getText())
                .doesNotContain("tok_live_999").contains("\"id\" : \"r_c\"");
        assertThat(_get(Paragraph.class, spec -> spec.withId("log-detail-response")).getText())
                .isEqualTo(t("synclog.detail.no-body"));
        assertThat(_get(Button.class, spec -> spec.withId("log-detail-replay")).isVisible()).isTrue();
        // the trace file is for support staff
        _assertNone(Anchor.class, spec -> spec.withId("log-detail-trace"));

        _click(_get(Button.class, spec -> spec.withId("log-detail-close")));
        _assertNone(LogDetailPanel.class, spec -> spec.withId("log-detail"));
    }

    @Test
    void supportGetsTheReservationsTraceFromTheDetail() {
        Tenant tenant = fixtures.tenant();
        syncLog.record(LogRecord.message(tenant.restaurant().getId(), LogDirection.OUT, "reservation.upserted")
                .reservation(14L).messageId(TestFixtures.unique("trace")));
        login(tenant.support());
        navigate("sync-log");
        setAsUser(comboBox("log-filter-restaurant"), tenant.restaurant().toRef());

        GridKt._selectRow(grid(), 0);

        assertThat(_get(Anchor.class, spec -> spec.withId("log-detail-trace")).getHref()).isNotBlank();
        _assertNone(Button.class, spec -> spec.withId("log-detail-replay"));
    }

    @Test
    void replayingAPeriodAsksFirstAndSaysHowManyWereQueued() {
        Tenant tenant = fixtures.tenant();
        login(tenant.owner());
        navigate("sync-log");
        assertThat(_get(Anchor.class, spec -> spec.withId("log-export")).getHref()).isNotBlank();

        _click(_get(Button.class, spec -> spec.withId("log-replay-period")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("log-replay-period-confirm")));

        NotificationsKt.expectNotifications(t("synclog.replay.period.done", 0));
    }

    @Test
    void aCsvCutAtItsLimitDownloadsWholeAndSaysWhyOnTheScreen() throws IOException {
        Tenant tenant = fixtures.tenant();
        try (var bulk = BulkLog.seed(jdbc, tenant.restaurant().getId(), Instant.now().minusSeconds(60))) {
            login(tenant.owner());
            navigate("sync-log");

            String csv = download(exportLink());
            MockVaadin.runUIQueue();

            assertThat(csv.lines()).hasSize(1 + SyncLogService.EXPORT_MAX_LINES);
            NotificationsKt.expectNotifications(t("synclog.export.cut-at-limit", SyncLogService.EXPORT_MAX_LINES));
        }
    }

    /** What the browser would receive from the link, through the handler Vaadin registered for it. */
    private static String download(Anchor link) throws IOException {
        VaadinSession session = VaadinSession.getCurrent();
        var resource = session.getResourceRegistry()
                .getResource(StreamResourceRegistry.ElementStreamResource.class, URI.create(link.getHref()))
                .orElseThrow();
        var body = new ByteArrayOutputStream();
        VaadinResponse response = mock(VaadinResponse.class);
        when(response.getOutputStream()).thenReturn(body);
        resource.getElementRequestHandler().handleRequest(mock(VaadinRequest.class), response, session,
                resource.getOwner());
        return body.toString(StandardCharsets.UTF_8);
    }

    private static TextField searchField() {
        return _get(TextField.class, spec -> spec.withId("log-filter-text"));
    }

    private static Anchor exportLink() {
        return _get(Anchor.class, spec -> spec.withId("log-export"));
    }

    private long line(long restaurantId, String marker) {
        return syncLog.record(LogRecord.message(restaurantId, LogDirection.IN, "order.opened").messageId(marker));
    }

    @SuppressWarnings("unchecked")
    private static Grid<LogLine> grid() {
        return _get(Grid.class, spec -> spec.withId("log-grid"));
    }

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> comboBox(String id) {
        return _get(ComboBox.class, spec -> spec.withId(id));
    }

    private static List<Long> ids() {
        Grid<LogLine> grid = grid();
        return IntStream.range(0, GridKt._size(grid)).mapToObj(row -> GridKt._get(grid, row).id()).toList();
    }

    private static String t(String key, Object... params) {
        return UI.getCurrent().getTranslation(key, params);
    }
}
