package io.passerelle.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.AppServerTest;
import io.passerelle.TestFixtures;
import io.passerelle.partner.WireIds;
import io.passerelle.partnerapi.PartnerApiKit.Pos;
import io.passerelle.reservation.CreateReservation;
import io.passerelle.reservation.DiningTableService;
import io.passerelle.reservation.OverrideMissed;
import io.passerelle.reservation.Reservation;
import io.passerelle.reservation.ReservationBook;
import io.passerelle.reservation.ReservationDetails;
import io.passerelle.reservation.ReservationStatus;
import io.passerelle.reservation.UpdateReservation;
import io.passerelle.security.AppRole;
import io.passerelle.tables.TableNameService;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** GET /reservations: the window, the cursor, missed once, tables for push partners only. */
class PullFeedTest extends AppServerTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @Autowired
    DiningTableService tables;

    @Autowired
    TableNameService tableNames;

    PartnerApiKit api;
    ReservationBook book;
    TestFixtures.Tenant tenant;
    long restaurantId;
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = new PartnerApiKit(port, fixtures, connections);
        book = fixtures.reservationBook();
        tenant = fixtures.tenant();
        restaurantId = tenant.restaurant().getId();
        today = LocalDate.now(ROME);
    }

    @Test
    void servesTheWindowInChangeOrderAndTheCursorReturnsOnlyWhatChangedSince() {
        Pos pos = api.pull(tenant);
        var guest = book.guest(restaurantId, "Zoë", "Ñandú 山田");
        Reservation tomorrow = reservation(today.plusDays(1), guest.getId(), "'; DROP TABLE reservation; -- <b>hi</b>");
        Reservation nextWeek = reservation(today.plusDays(7), null, null);
        reservation(today.plusDays(40), null, null);
        String window = "/reservations?from=" + today + "&to=" + today.plusDays(14);

        JsonNode first = awaitPage(pos, window, 2);

        assertThat(ids(first)).containsExactly(WireIds.reservation(tomorrow.getId()), WireIds.reservation(nextWeek.getId()));
        JsonNode served = first.get("reservations").get(0);
        assertThat(served.get("status").asString()).isEqualTo("PENDING");
        assertThat(served.get("partySize").asInt()).isEqualTo(2);
        assertThat(served.get("notes").asString()).isEqualTo("'; DROP TABLE reservation; -- <b>hi</b>");
        assertThat(served.get("guest").get("id").asString()).isEqualTo(WireIds.guest(guest.getId()));
        assertThat(served.get("guest").get("lastName").asString()).isEqualTo("Ñandú 山田");
        assertThat(served.get("start").asString()).endsWith("+01:00").contains("T20:00:00");
        assertThat(served.has("table")).isFalse();
        String cursor = first.get("nextCursor").asString();

        assertThat(ids(api.get(pos, window + "&cursor=" + cursor).json())).isEmpty();
        book.changeStatus(nextWeek, ReservationStatus.CONFIRMED);
        JsonNode changed = awaitPage(pos, window + "&cursor=" + cursor, 1);
        assertThat(ids(changed)).containsExactly(WireIds.reservation(nextWeek.getId()));
        assertThat(changed.get("reservations").get(0).get("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void pagesByLimitAndContinuesAtTheCursor() {
        Pos pos = api.pull(tenant);
        for (int i = 1; i <= 3; i++) {
            reservation(today.plusDays(i), null, null);
        }
        String window = "/reservations?from=" + today + "&to=" + today.plusDays(7) + "&limit=2";
        awaitPage(pos, "/reservations?from=" + today + "&to=" + today.plusDays(7), 3);

        JsonNode first = api.get(pos, window).json();
        JsonNode second = api.get(pos, window + "&cursor=" + first.get("nextCursor").asString()).json();

        assertThat(ids(first)).hasSize(2);
        assertThat(ids(second)).hasSize(1).doesNotContainAnyElementsOf(ids(first));
    }

    @Test
    void aMissedReservationIsServedOnceAsMissedThenNeverAgain() {
        Pos pos = api.pull(tenant);
        String window = "/reservations?from=" + today + "&to=" + today.plusDays(7);

        JsonNode once = firstPageWithACancelledReservation(pos, window);

        assertThat(once.get("reservations").get(0).get("status").asString()).isEqualTo("MISSED");
        // passing the cursor back acknowledges it; from the very start again, without a cursor: still never again
        assertThat(ids(api.get(pos, window + "&cursor=" + once.get("nextCursor").asString()).json())).isEmpty();
        assertThat(ids(api.get(pos, window).json())).isEmpty();
    }

    @Test
    void aPosThatNeverPassesACursorBackIsServedAMissedReservationOnce() {
        Pos pos = api.pull(tenant);
        String window = "/reservations?from=" + today + "&to=" + today.plusDays(7);

        JsonNode once = firstPageWithACancelledReservation(pos, window);

        assertThat(once.get("reservations").get(0).get("status").asString()).isEqualTo("MISSED");
        assertThat(ids(api.get(pos, window).json())).as("full pulls only: once, then never again").isEmpty();
    }

    /** A reservation in the window cancelled (missed, for the POS), and the first pull that serves it. */
    private JsonNode firstPageWithACancelledReservation(Pos pos, String window) {
        Reservation cancelled = reservation(today.plusDays(2), null, null);
        book.changeStatus(cancelled, ReservationStatus.CANCELLED);
        return awaitPage(pos, window, 1);
    }

    @Test
    void aMissedReservationWhoseReplyWasLostIsServedAgainUntilThePosPassesItsPageCursorBack() {
        Pos pos = api.pull(tenant);
        String window = "/reservations?from=" + today + "&to=" + today.plusDays(7);
        String before = api.get(pos, window).json().get("nextCursor").asString();
        Reservation cancelled = reservation(today.plusDays(2), null, null);
        book.changeStatus(cancelled, ReservationStatus.CANCELLED);
        awaitPage(pos, window + "&cursor=" + before, 1);

        // that reply was lost: the POS asks again with the cursor it had
        JsonNode repeated = api.get(pos, window + "&cursor=" + before).json();

        assertThat(ids(repeated)).containsExactly(WireIds.reservation(cancelled.getId()));
        assertThat(repeated.get("reservations").get(0).get("status").asString()).isEqualTo("MISSED");
        assertThat(ids(api.get(pos, window + "&cursor=" + repeated.get("nextCursor").asString()).json())).isEmpty();
        assertThat(ids(api.get(pos, window + "&cursor=" + before).json())).isEmpty();
    }

    @Test
    void aMissedReservationServedToTwoCursorStreamsIsAcknowledgedByEitherPassingItsCursorBack() {
        Pos pos = api.pull(tenant);
        String shortWindow = "/reservations?from=" + today.minusDays(1) + "&to=" + today.plusDays(7);
        String longWindow = "/reservations?from=" + today.minusDays(1) + "&to=" + today.plusDays(60);
        String shortBefore = api.get(pos, shortWindow).json().get("nextCursor").asString();
        String longBefore = api.get(pos, longWindow).json().get("nextCursor").asString();
        Reservation cancelled = reservation(today.plusDays(2), null, null);
        book.changeStatus(cancelled, ReservationStatus.CANCELLED);
        String shortServed = awaitPage(pos, shortWindow + "&cursor=" + shortBefore, 1).get("nextCursor").asString();
        String longServed = awaitPage(pos, longWindow + "&cursor=" + longBefore, 1).get("nextCursor").asString();

        // the short stream's next pull acknowledges what its page held, though the long stream was served it since
        assertThat(ids(api.get(pos, shortWindow + "&cursor=" + shortServed).json())).isEmpty();

        // served for good: neither stream gets it again, even from a cursor from before it was served
        assertThat(ids(api.get(pos, shortWindow + "&cursor=" + shortBefore).json())).isEmpty();
        assertThat(ids(api.get(pos, longWindow + "&cursor=" + longBefore).json())).isEmpty();
        assertThat(ids(api.get(pos, longWindow + "&cursor=" + longServed).json())).isEmpty();
    }

    @Test
    void aMissedReservationEditedAfterALostReplyIsAcknowledgedOnlyByACursorPastWhereItIsNow() {
        Pos pos = api.pull(tenant);
        String window = "/reservations?from=" + today + "&to=" + today.plusDays(7);
        String before = api.get(pos, window).json().get("nextCursor").asString();
        Reservation cancelled = book.changeStatus(reservation(today.plusDays(2), null, null), ReservationStatus.CANCELLED);
        awaitPage(pos, window + "&cursor=" + before, 1);
        // that reply was lost; meanwhile another reservation changes, then the missed one is edited: it moves past it
        Reservation other = reservation(today.plusDays(3), null, null);
        fixtures.runAsStaff(() -> reservations.update(new UpdateReservation(restaurantId, cancelled.getId(),
                cancelled.getVersion(), new ReservationDetails(cancelled.getStart(), 2, "Called to say sorry", null,
                        null))));

        JsonNode upToTheOther = awaitPage(pos, window + "&cursor=" + before + "&limit=1", 1);
        assertThat(ids(upToTheOther)).containsExactly(WireIds.reservation(other.getId()));
        JsonNode next = awaitPage(pos, window + "&cursor=" + upToTheOther.get("nextCursor").asString(), 1);

        assertThat(ids(next)).as("a cursor between where it was served and where it is now did not acknowledge it")
                .containsExactly(WireIds.reservation(cancelled.getId()));
        assertThat(next.get("reservations").get(0).get("status").asString()).isEqualTo("MISSED");
        assertThat(ids(api.get(pos, window + "&cursor=" + next.get("nextCursor").asString()).json())).isEmpty();
        assertThat(ids(api.get(pos, window + "&cursor=" + before).json())).as("served for good")
                .containsExactly(WireIds.reservation(other.getId()));
    }

    @Test
    void daysTheWindowSlidOntoAreServedInFullOnceWhateverTheirLastChange() {
        Pos pos = api.pull(tenant);
        reservation(today.plusDays(1), null, null);
        String cursor = awaitPage(pos, "/reservations?from=" + today + "&to=" + today.plusDays(7), 1)
                .get("nextCursor").asString();
        Reservation dayEight = reservation(today.plusDays(8), null, null);
        // untouched since well before the cursor: only the window sliding onto its day brings it
        jdbc.update("update reservation set updated_at = date_sub(utc_timestamp(6), interval 1 hour) where id = ?",
                dayEight.getId());
        String slid = "/reservations?from=" + today.plusDays(1) + "&to=" + today.plusDays(8);

        JsonNode next = api.get(pos, slid + "&cursor=" + cursor).json();

        assertThat(ids(next)).containsExactly(WireIds.reservation(dayEight.getId()));
        assertThat(ids(api.get(pos, slid + "&cursor=" + next.get("nextCursor").asString()).json())).isEmpty();
    }

    @Test
    void aCursorOfOldWithoutItsWindowStandsForTheWindowItComesBackWith() {
        Pos pos = api.pull(tenant);
        Reservation tomorrow = reservation(today.plusDays(1), null, null);
        String window = "/reservations?from=" + today + "&to=" + today.plusDays(7);
        JsonNode first = awaitPage(pos, window, 1);
        String served = first.get("reservations").get(0).get("updatedAt").asString();
        String old = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                (java.time.OffsetDateTime.parse(served).toInstant() + "|" + tomorrow.getId()).getBytes());

        assertThat(ids(api.get(pos, window + "&cursor=" + old).json())).isEmpty();
    }

    @Test
    void anUnparkedMissedReservationIsServedAgainWithItsStatusAndMissedOnceMoreIfItBecomesSo() {
        Pos pos = api.pull(tenant);
        Reservation cancelled = reservation(today.plusDays(2), null, null);
        book.changeStatus(cancelled, ReservationStatus.CANCELLED);
        String window = "/reservations?from=" + today + "&to=" + today.plusDays(7);
        JsonNode missed = awaitPage(pos, window, 1);
        String cursor = missed.get("nextCursor").asString();

        Reservation restored = fixtures.runAs(fixtures.staff(AppRole.ONBOARDING), () -> reservations.overrideMissed(
                new OverrideMissed(restaurantId, cancelled.getId(), ReservationStatus.CONFIRMED, "cancelled by mistake")));

        JsonNode again = awaitPage(pos, window + "&cursor=" + cursor, 1);
        assertThat(again.get("reservations").get(0).get("id").asString())
                .isEqualTo(WireIds.reservation(cancelled.getId()));
        assertThat(again.get("reservations").get(0).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(again.get("reservations").get(0).get("version").asLong()).isEqualTo(restored.getVersion());

        // missed is final again from here: served once more as missed, then never
        book.changeStatus(restored, ReservationStatus.NO_SHOW);
        JsonNode missedAgain = awaitPage(pos, window + "&cursor=" + again.get("nextCursor").asString(), 1);
        assertThat(missedAgain.get("reservations").get(0).get("status").asString()).isEqualTo("MISSED");
        api.get(pos, window + "&cursor=" + missedAgain.get("nextCursor").asString());
        assertThat(ids(api.get(pos, window).json())).isEmpty();
    }

    @Test
    void aPushPartnerGetsEachTableUnderTheNameItKnowsItBy() {
        var table = book.table(restaurantId, "T12");
        var linked = book.table(restaurantId, "T7");
        var reservation = book.reservation(restaurantId, today.plusDays(1).atTime(20, 0).atZone(ROME).toInstant(), 2,
                null, table);
        var atLinked = book.reservation(restaurantId, today.plusDays(2).atTime(20, 0).atZone(ROME).toInstant(), 2,
                null, linked);
        Pos push = api.push(tenant.restaurant(), "http://127.0.0.1:9/webhooks/t");
        fixtures.runAsStaff(() -> tableNames.link(restaurantId, push.connectionId(), "7", linked.getId()));
        String window = "/reservations?from=" + today + "&to=" + today.plusDays(3);

        JsonNode page = awaitPage(push, window, 2);

        assertThat(page.get("reservations").get(0).get("id").asString())
                .isEqualTo(WireIds.reservation(reservation.getId()));
        assertThat(page.get("reservations").get(0).get("table").asString()).isEqualTo("T12");
        assertThat(page.get("reservations").get(1).get("id").asString())
                .isEqualTo(WireIds.reservation(atLinked.getId()));
        // linked to "7" in the table-name mapping: the POS knows no "T7"
        assertThat(page.get("reservations").get(1).get("table").asString()).isEqualTo("7");
    }

    @Test
    void aRecentChangeWaitsForTheSettleDelay() {
        Pos pos = api.pull(tenant);
        Reservation reservation = reservation(today.plusDays(1), null, null);
        String window = "/reservations?from=" + today + "&to=" + today.plusDays(3);

        // served only once its last change is at least `settle` (300 ms in tests) old: a change stamped a minute
        // ahead stands for one that has not settled, whatever the pace of this machine
        jdbc.update("update reservation set updated_at = date_add(utc_timestamp(6), interval 1 minute) where id = ?",
                reservation.getId());
        assertThat(ids(api.get(pos, window).json())).isEmpty();
        jdbc.update("update reservation set updated_at = date_sub(utc_timestamp(6), interval 1 second) where id = ?",
                reservation.getId());
        assertThat(ids(api.get(pos, window).json())).hasSize(1);
    }

    @Test
    void wrongParametersAre400ProblemsNamingTheParameter() {
        Pos pos = api.pull(tenant);
        List<String[]> cases = List.of(
                new String[] {"/reservations?to=2026-01-02", "from"},
                new String[] {"/reservations?from=2026-13-01&to=2026-12-02", "from"},
                new String[] {"/reservations?from=2026-01-01&to=2026-04-05", "to"},
                new String[] {"/reservations?from=2026-01-05&to=2026-01-01", "to"},
                new String[] {"/reservations?from=%2B999999999-12-31&to=%2B999999999-12-31", "from"},
                new String[] {"/reservations?from=2026-01-01&to=%2B999999999-12-31", "to"},
                new String[] {"/reservations?from=1999-12-31&to=2000-01-02", "from"},
                new String[] {"/reservations?from=2026-01-01&to=2026-01-02&limit=0", "limit"},
                new String[] {"/reservations?from=2026-01-01&to=2026-01-02&limit=501", "limit"},
                new String[] {"/reservations?from=2026-01-01&to=2026-01-02&limit=ten", "limit"},
                new String[] {"/reservations?from=2026-01-01&to=2026-01-02&cursor=bm90LWEtY3Vyc29y", "cursor"},
                new String[] {"/reservations?from=2026-01-01&to=2026-01-02&cursor=!!!", "cursor"});
        for (String[] c : cases) {
            var reply = api.get(pos, c[0]);
            assertThat(reply.status()).as(c[0]).isEqualTo(400);
            assertThat(reply.contentType()).as(c[0]).startsWith("application/problem+json");
            assertThat(reply.json().get("errors").get(0).get("field").asString()).as(c[0]).isEqualTo(c[1]);
        }
    }

    private Reservation reservation(LocalDate day, Long guestId, String notes) {
        return fixtures.runAsStaff(() -> reservations.create(new CreateReservation(restaurantId,
                new ReservationDetails(day.atTime(LocalTime.of(20, 0)).atZone(ROME).toInstant(), 2, notes, null,
                        guestId))));
    }

    private JsonNode awaitPage(Pos pos, String pathAndQuery, int size) {
        var page = new AtomicReference<JsonNode>();
        PartnerApiKit.await(Duration.ofSeconds(10), size + " reservations from " + pathAndQuery, () -> {
            var reply = api.get(pos, pathAndQuery);
            assertThat(reply.status()).isEqualTo(200);
            page.set(reply.json());
            return reply.json().get("reservations").size() >= size;
        });
        return page.get();
    }

    private static List<String> ids(JsonNode page) {
        var ids = new ArrayList<String>();
        page.get("reservations").forEach(r -> ids.add(r.get("id").asString()));
        return ids;
    }
}
