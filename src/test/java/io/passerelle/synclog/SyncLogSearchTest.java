package io.passerelle.synclog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.PasserelleTest;
import io.passerelle.TestFixtures;
import io.passerelle.TestFixtures.Tenant;
import io.passerelle.restaurant.RestaurantScope;
import io.passerelle.security.AppRole;
import io.passerelle.shared.NotFoundException;
import io.passerelle.shared.RuleViolationException;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@PasserelleTest
@Import(TestFixtures.class)
class SyncLogSearchTest {

    private static final Instant NOON = Instant.parse("2026-03-10T12:00:00Z");

    @Autowired
    SyncLogService syncLog;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eachFilterNarrowsTheLogNewestFirst() {
        Tenant tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        long delivered = at(NOON.minus(3, ChronoUnit.HOURS), LogRecord.message(restaurantId, LogDirection.OUT,
                "reservation.upserted").connection(1, "caissepad").messageId("wh-delivered").reservation(501L));
        long failed = at(NOON.minus(2, ChronoUnit.HOURS), LogRecord.message(restaurantId, LogDirection.OUT,
                "reservation.upserted").connection(1, "caissepad").messageId("wh-failed").reservation(502L)
                .outcome(LogOutcome.FAILED).error("REJECTED", "The POS refused this reservation (HTTP 400)"));
        long refused = at(NOON.minus(1, ChronoUnit.HOURS), LogRecord.rejected(restaurantId, "reservation.attached",
                "reservation_not_confirmed", "reservation 501 is PENDING").connection(2, "tavolo").messageId("ev-9")
                .reservation(501L));
        long run = at(NOON, LogRecord.run(restaurantId, "short-window", new LogRecord.RunCounts(1, 0, 0, 0), 40));
        LogFilter all = LogFilter.restaurant(restaurantId);

        assertThat(ids(tenant, all)).containsExactly(run, refused, failed, delivered);
        assertThat(ids(tenant, all.withPeriod(NOON.minus(150, ChronoUnit.MINUTES), NOON))).containsExactly(refused, failed);
        assertThat(ids(tenant, new LogFilter(restaurantId, null, null, LogDirection.IN, null, null, null, null, null)))
                .containsExactly(refused);
        assertThat(ids(tenant, new LogFilter(restaurantId, null, null, null, "caissepad", null, null, null, null)))
                .containsExactly(failed, delivered);
        assertThat(ids(tenant, new LogFilter(restaurantId, null, null, null, null, "short-window", null, null, null)))
                .containsExactly(run);
        assertThat(ids(tenant, all.withOutcome(LogOutcome.FAILED))).containsExactly(failed);
        assertThat(ids(tenant, new LogFilter(restaurantId, null, null, null, null, null, null, 501L, null)))
                .containsExactly(refused, delivered);
        assertThat(ids(tenant, new LogFilter(restaurantId, null, null, null, null, null, null, null, "http 400")))
                .as("the error's wording, whatever the case").containsExactly(failed);
        assertThat(ids(tenant, new LogFilter(restaurantId, null, null, null, null, null, null, null, "wh-deliv")))
                .containsExactly(delivered);
        assertThat(ids(tenant, new LogFilter(restaurantId, null, null, null, null, null, null, null, "%")))
                .as("LIKE wildcards typed are plain characters").isEmpty();
    }

    @Test
    void pagesFollowEachOtherByKeysetWithoutGapsOrRepeats() {
        Tenant tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        var written = new ArrayList<Long>();
        for (int i = 0; i < 7; i++) {
            // two lines share each instant: the id breaks the tie
            written.add(at(NOON.plusSeconds(i / 2), LogRecord.message(restaurantId, LogDirection.IN, "order.opened")
                    .messageId("e" + i)));
        }
        LogFilter filter = LogFilter.restaurant(restaurantId);

        var seen = new ArrayList<Long>();
        LogPosition after = null;
        int pages = 0;
        do {
            LogPosition from = after;
            LogSlice slice = fixtures.runAs(tenant.owner(), () -> syncLog.search(filter, from, 3));
            slice.lines().forEach(line -> seen.add(line.id()));
            after = slice.next();
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(written.reversed());
    }

    @Test
    void everyRoleSeesOnlyTheRestaurantsItMay() {
        Tenant tenant = fixtures.tenant();
        Tenant stranger = fixtures.tenant();
        String marker = TestFixtures.unique("wall");
        long mine = line(tenant.restaurant().getId(), marker);
        long sibling = line(tenant.sibling().getId(), marker);
        long strangers = line(stranger.restaurant().getId(), marker);
        var everywhere = new LogFilter(null, null, null, null, null, null, null, null, marker);

        assertThat(idsAs(tenant.owner(), everywhere)).containsExactly(mine);
        assertThat(idsAs(tenant.support(), everywhere)).containsExactly(sibling, mine);
        assertThat(idsAs(stranger.support(), everywhere)).containsExactly(strangers);
        assertThat(idsAs(fixtures.staff(AppRole.ONBOARDING), everywhere)).containsExactly(strangers, sibling, mine);

        var siblingOnly = new LogFilter(tenant.sibling().getId(), null, null, null, null, null, null, null, marker);
        assertThatThrownBy(() -> idsAs(tenant.owner(), siblingOnly)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> idsAs(stranger.support(), siblingOnly)).isInstanceOf(NotFoundException.class);
        // a line of the sibling asked for under the owner's own restaurant does not exist
        assertThatThrownBy(() -> fixtures.runAs(tenant.owner(), () -> syncLog.detail(tenant.restaurant().getId(), sibling)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fixtures.runAs(tenant.owner(), () -> syncLog.detail(tenant.sibling().getId(), sibling)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theDetailShowsBodiesReadableAndWithoutSecrets() {
        Tenant tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        long id = syncLog.record(LogRecord.message(restaurantId, LogDirection.OUT, "reservation.upserted")
                .payload("{\"id\":\"r_1\",\"partySize\":4,\"token\":\"tok_live_123\"}", "not json: Bearer abc.def"));

        LogDetail detail = fixtures.runAs(tenant.owner(), () -> syncLog.detail(restaurantId, id));

        assertThat(detail.request()).doesNotContain("tok_live_123").contains("\"partySize\" : 4")
                .contains("\n  \"id\" : \"r_1\"");
        assertThat(detail.response()).isEqualTo("not json: Bearer ***");
        assertThat(detail.line().id()).isEqualTo(id);
    }

    @Test
    void theCsvHasAHeaderEscapesFieldsAndDefusesFormulas() {
        Tenant tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        at(NOON, LogRecord.rejected(restaurantId, "bill.closed", "wrong_currency", "said \"CHF\", not EUR,\nsorry")
                .messageId("=HYPERLINK(\"http://evil\")"));
        at(NOON.plusSeconds(1), LogRecord.message(restaurantId, LogDirection.OUT, "reservation.upserted")
                .messageId("-2+3").http(200, 1, 12));

        var out = new StringWriter();
        LogExport written = fixtures.runAs(tenant.owner(),
                () -> syncLog.exportCsv(LogFilter.restaurant(restaurantId), out));

        assertThat(written).isEqualTo(new LogExport(2, LogExport.End.COMPLETE));
        assertThat(out.toString()).isEqualTo(String.join("\r\n",
                "occurred_at,restaurant_id,kind,direction,partner,message_type,message_id,reservation_id,outcome,"
                        + "http_status,attempt,latency_ms,error_code,error_detail",
                "2026-03-10T12:00:01Z," + restaurantId + ",MESSAGE,OUT,,reservation.upserted,'-2+3,,SUCCESS,200,1,12,,",
                "2026-03-10T12:00:00Z," + restaurantId + ",REJECTED_EVENT,IN,,bill.closed,"
                        + "\"'=HYPERLINK(\"\"http://evil\"\")\",,REJECTED,,,,wrong_currency,"
                        + "\"said \"\"CHF\"\", not EUR,\nsorry\"",
                ""));
    }

    @Test
    void theCsvHoldsTheNewestLinesUpToItsLimitAndSaysOlderOnesMatchToo() {
        Tenant tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        try (var bulk = BulkLog.seed(jdbc, restaurantId, NOON)) {
            var out = new StringWriter();
            LogExport written = fixtures.runAs(tenant.owner(),
                    () -> syncLog.exportCsv(LogFilter.restaurant(restaurantId), out));

            assertThat(written).isEqualTo(new LogExport(SyncLogService.EXPORT_MAX_LINES, LogExport.End.LINE_LIMIT));
            List<String> rows = out.toString().lines().toList();
            assertThat(rows).hasSize(1 + SyncLogService.EXPORT_MAX_LINES);
            assertThat(rows.get(1)).as("newest first").contains(",bulk-1,");
            assertThat(rows.getLast()).contains(",bulk-" + SyncLogService.EXPORT_MAX_LINES + ",");
        }
    }

    @Test
    void aCsvWhoseLaterPageReadsTooMuchEndsAfterItsWholePagesAndSaysWhy() {
        Tenant tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        Instant now = Instant.now();
        String needle = TestFixtures.unique("needle");
        // a page and a half of matches, newer than the bulk: the second page reads on into the bulk and is stopped
        jdbc.update("""
                insert into sync_log_entry (restaurant_id, partner_code, occurred_at, kind, direction, message_type,
                    message_id, outcome, http_status)
                select ?, 'caissepad', timestampadd(SECOND, -s.seq, ?), 'MESSAGE', 'OUT', 'reservation.upserted',
                    concat(?, '-', s.seq), 'SUCCESS', 200
                from seq_1_to_1500 s""", restaurantId, Timestamp.valueOf(now.atZone(ZoneOffset.UTC).toLocalDateTime()), needle);
        try (var bulk = BulkLog.seed(jdbc, restaurantId, now.minus(1, ChronoUnit.HOURS))) {
            var out = new StringWriter();
            LogFilter week = LogFilter.restaurant(restaurantId).withPeriod(now.minus(7, ChronoUnit.DAYS), null);
            LogExport written = fixtures.runAs(tenant.owner(), () -> syncLog.exportCsv(week.withText(needle), out));

            assertThat(written).isEqualTo(new LogExport(1_000, LogExport.End.SEARCH_TOO_BROAD));
            List<String> rows = out.toString().lines().toList();
            assertThat(rows).as("the header and the first page, whole").hasSize(1 + 1_000);
            assertThat(rows.getLast()).contains("," + needle + "-1000,");
        } finally {
            jdbc.update("delete from sync_log_entry where restaurant_id = ? and message_id like ?", restaurantId,
                    needle + "-%");
        }
    }

    @Test
    void theCsvOfAnotherTenantsRestaurantIsRefused() {
        Tenant tenant = fixtures.tenant();
        assertThatThrownBy(() -> fixtures.runAs(tenant.owner(),
                () -> syncLog.exportCsv(LogFilter.restaurant(tenant.sibling().getId()), new StringWriter())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void supportExportsAReservationsWholeTraceRedactedAndOwnersMayNot() {
        Tenant tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        syncLog.record(LogRecord.message(restaurantId, LogDirection.OUT, "reservation.upserted").reservation(77L)
                .messageId("wh-1").payload("{\"id\":\"r_25\",\"signingSecret\":\"whsec_c2VjcmV0c2VjcmV0\"}", null)
                .outcome(LogOutcome.FAILED).error("REJECTED", "HTTP 400"));
        syncLog.record(LogRecord.rejected(restaurantId, "reservation.attached", "reservation_not_confirmed", "PENDING")
                .reservation(77L));
        syncLog.record(LogRecord.message(restaurantId, LogDirection.OUT, "reservation.upserted").reservation(78L));

        var file = new ByteArrayOutputStream();
        int written = fixtures.runAs(tenant.support(), () -> syncLog.exportTrace(restaurantId, 77L, file));

        assertThat(written).isEqualTo(2);
        String text = file.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("whsec_c2VjcmV0c2VjcmV0");
        JsonNode trace = JsonMapper.builder().build().readTree(text);
        assertThat(trace.path("reservationId").asLong()).isEqualTo(77L);
        assertThat(trace.path("lines")).hasSize(2);
        assertThat(trace.path("lines").get(0).path("request").path("id").asString()).isEqualTo("r_25");
        assertThat(trace.path("lines").get(0).path("errorCode").asString()).isEqualTo("REJECTED");
        assertThat(trace.path("lines").get(1).path("kind").asString()).isEqualTo("REJECTED_EVENT");

        assertThatThrownBy(() -> fixtures.runAs(tenant.owner(),
                () -> syncLog.exportTrace(restaurantId, 77L, new ByteArrayOutputStream())))
                .isInstanceOf(AuthorizationDeniedException.class);
        var stranger = fixtures.tenant();
        assertThatThrownBy(() -> fixtures.runAs(stranger.support(),
                () -> syncLog.exportTrace(restaurantId, 77L, new ByteArrayOutputStream())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyAFailedDeliveryCanBeSentAgain() {
        Tenant tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        long delivered = syncLog.record(LogRecord.message(restaurantId, LogDirection.OUT, "reservation.upserted")
                .messageId("wh-ok"));
        long refusedEvent = syncLog.record(LogRecord.rejected(restaurantId, "bill.closed", "wrong_currency", "CHF")
                .messageId("ev-1"));

        for (long id : List.of(delivered, refusedEvent)) {
            assertThatThrownBy(() -> fixtures.runAs(tenant.owner(), () -> {
                syncLog.replay(restaurantId, id);
                return null;
            })).isInstanceOf(RuleViolationException.class)
                    .extracting(e -> ((RuleViolationException) e).messageKey())
                    .isEqualTo("synclog.replay.not-replayable");
        }
        assertThatThrownBy(() -> fixtures.runAs(tenant.owner(), () -> syncLog.replayFailures(restaurantId, NOON, null)))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void aPastedMessageIdIsFoundInTheWholeLogWhateverThePeriod() {
        Tenant tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        String messageId = "msg_" + UUID.randomUUID();
        long old = at(NOON.minus(40, ChronoUnit.DAYS), LogRecord.message(restaurantId, LogDirection.OUT,
                "reservation.upserted").messageId(messageId).outcome(LogOutcome.RETRYING));
        long retried = at(NOON.minus(39, ChronoUnit.DAYS), LogRecord.message(restaurantId, LogDirection.OUT,
                "reservation.upserted").messageId(messageId));
        at(NOON, LogRecord.message(restaurantId, LogDirection.OUT, "reservation.upserted").messageId("msg_other"));
        var lastWeek = LogFilter.restaurant(restaurantId).withPeriod(NOON.minus(7, ChronoUnit.DAYS), NOON);

        assertThat(ids(tenant, lastWeek.withText(messageId))).containsExactly(retried, old);
        assertThat(ids(tenant, lastWeek.withText("  " + messageId.toUpperCase(Locale.ROOT) + " ")))
                .as("pasted with spaces, in capitals").containsExactly(retried, old);
        assertThat(ids(tenant, lastWeek.withText(messageId).withOutcome(LogOutcome.RETRYING)))
                .as("the other filters still apply").containsExactly(old);
        assertThat(ids(tenant, lastWeek.withText(messageId.substring(0, 20))))
                .as("part of an id is a word, searched in the period").isEmpty();
        String eventId = UUID.randomUUID().toString();
        long event = at(NOON.minus(30, ChronoUnit.DAYS), LogRecord.rejected(restaurantId, "order.opened",
                "unknown_table", "T99").messageId(eventId));
        assertThat(ids(tenant, lastWeek.withText(eventId))).as("a POS's event id").containsExactly(event);
    }

    @Test
    void anotherTenantsMessageIdFindsNothing() {
        Tenant tenant = fixtures.tenant();
        Tenant stranger = fixtures.tenant();
        String siblings = "msg_" + UUID.randomUUID();
        String strangers = "msg_" + UUID.randomUUID();
        long siblingLine = line(tenant.sibling().getId(), siblings);
        long strangerLine = line(stranger.restaurant().getId(), strangers);
        var everywhere = new LogFilter(null, null, null, null, null, null, null, null, null);

        assertThat(idsAs(tenant.owner(), everywhere.withText(siblings))).as("the sibling is not the owner's").isEmpty();
        assertThat(idsAs(tenant.owner(), everywhere.withText(strangers))).isEmpty();
        assertThat(idsAs(tenant.owner(), LogFilter.restaurant(tenant.restaurant().getId()).withText(siblings)))
                .isEmpty();
        assertThat(idsAs(tenant.support(), everywhere.withText(siblings))).containsExactly(siblingLine);
        assertThat(idsAs(tenant.support(), everywhere.withText(strangers))).isEmpty();
        assertThat(idsAs(stranger.support(), everywhere.withText(siblings))).isEmpty();
        assertThat(idsAs(fixtures.staff(AppRole.ONBOARDING), everywhere.withText(strangers)))
                .containsExactly(strangerLine);
        assertThatThrownBy(() -> idsAs(tenant.owner(), LogFilter.restaurant(stranger.restaurant().getId())
                .withText(strangers))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aWordSearchThatWouldReadTooMuchIsStoppedAndSaysSo() {
        Tenant tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        Instant now = Instant.now();
        long recent = line(restaurantId, "needle-" + TestFixtures.unique("w"));
        try (var bulk = BulkLog.seed(jdbc, restaurantId, now.minusSeconds(60))) {
            var week = LogFilter.restaurant(restaurantId).withPeriod(now.minus(7, ChronoUnit.DAYS), null);

            long started = System.nanoTime();
            assertThatThrownBy(() -> ids(tenant, week.withText("timeout"))).isInstanceOf(SearchTooBroadException.class)
                    .extracting(e -> ((SearchTooBroadException) e).messageKey())
                    .isEqualTo("synclog.search-too-broad");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("stopped by the lines it read, not by the"
                    + " statement timeout").isLessThan(Duration.ofSeconds(SyncLogQueries.QUERY_TIMEOUT_SECONDS));
            assertThat(ids(tenant, week.withPeriod(now.minus(1, ChronoUnit.HOURS), null).withText("needle-")))
                    .as("narrower dates").containsExactly(recent);
            assertThat(ids(tenant, week.withText("bulk-77"))).as("a word that fills its page before the limit")
                    .hasSize(100);
        }
    }

    /** The queries a screen runs read an index in the log's order: no filesort, no full scan, whatever its size. */
    @Test
    void theViewsQueriesUseAnIndexInTheirOrder() {
        var named = new NamedParameterJdbcTemplate(jdbc);
        Instant from = NOON.minus(7, ChronoUnit.DAYS);
        var one = RestaurantScope.everything();
        var position = new LogPosition(NOON, 1_000_000L);
        List<LogFilter> filters = List.of(
                LogFilter.restaurant(1),
                LogFilter.restaurant(1).withPeriod(from, NOON),
                LogFilter.restaurant(1).withOutcome(LogOutcome.FAILED),
                LogFilter.restaurant(1).withPeriod(from, NOON).withOutcome(LogOutcome.FAILED),
                new LogFilter(null, from, null, null, null, null, null, null, null),
                new LogFilter(null, null, null, null, null, null, LogOutcome.FAILED, null, null));
        for (LogFilter filter : filters) {
            for (LogPosition after : new LogPosition[] {null, position}) {
                var where = SyncLogQueries.pageWhere(filter, one, after);
                var params = new java.util.HashMap<>(where.params());
                params.put("limit", 51);
                List<Map<String, Object>> plan = named.queryForList("explain " + SyncLogQueries.pageSql(where), params);
                assertThat(plan).as("plan of %s after %s", filter, after).hasSize(1);
                Map<String, Object> step = plan.getFirst();
                assertThat(step.get("key")).as("index of %s after %s: %s", filter, after, step).isNotNull();
                assertThat(String.valueOf(step.get("Extra"))).as("plan of %s after %s", filter, after)
                        .doesNotContain("filesort");
            }
        }
        // a pasted id: its own index, whatever the period, for one restaurant as for a set of them
        String id = "msg_" + UUID.randomUUID();
        for (var scope : List.of(one, RestaurantScope.only(java.util.Set.of(1L, 2L, 3L)))) {
            var where = SyncLogQueries.pageWhere(new LogFilter(null, from, NOON, null, null, null, null, null, id),
                    scope, null);
            var params = new java.util.HashMap<>(where.params());
            params.put("limit", 51);
            Map<String, Object> step = named.queryForList("explain " + SyncLogQueries.pageSql(where), params)
                    .getFirst();
            assertThat(step.get("key")).as("plan of the id search in %s: %s", scope, step)
                    .isEqualTo("ix_sync_log_message_id");
            assertThat(step.get("type")).as("plan of the id search in %s: %s", scope, step).isIn("ref", "range");
        }
    }

    private long line(long restaurantId, String marker) {
        return syncLog.record(LogRecord.message(restaurantId, LogDirection.IN, "order.opened").messageId(marker));
    }

    private long at(Instant occurredAt, LogRecord record) {
        long id = syncLog.record(record);
        jdbc.update("update sync_log_entry set occurred_at = ? where id = ?",
                Timestamp.valueOf(occurredAt.atZone(ZoneOffset.UTC).toLocalDateTime()), id);
        return id;
    }

    private List<Long> ids(Tenant tenant, LogFilter filter) {
        return idsAs(tenant.owner(), filter);
    }

    private List<Long> idsAs(io.passerelle.security.UserAccount account, LogFilter filter) {
        return fixtures.runAs(account, () -> syncLog.search(filter, null, 100)).lines().stream()
                .map(LogLine::id).toList();
    }
}
