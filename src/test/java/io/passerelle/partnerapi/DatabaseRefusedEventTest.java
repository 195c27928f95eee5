package io.passerelle.partnerapi;

import static io.passerelle.partnerapi.PosEvents.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.passerelle.AppServerTest;
import io.passerelle.partner.WireIds;
import io.passerelle.partnerapi.PartnerApiKit.Pos;
import io.passerelle.reservation.Reservation;
import io.passerelle.reservation.ReservationBook;
import io.passerelle.reservation.ReservationStatus;
import io.passerelle.synclog.LogOutcome;
import io.passerelle.synclog.SyncLogEntry;
import io.passerelle.synclog.SyncLogService;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An event the database refuses for another reason than a concurrent twin (a constraint no validation foresaw) is
 * answered 500 on its own and logged; the other events of its batch still apply. The refusal comes from a trigger on
 * {@code pos_order} that fails one order id as a broken foreign key would: the real path, through the real database.
 */
class DatabaseRefusedEventTest extends AppServerTest {

    private static final String REFUSED_ORDER = "ord-refused-by-the-database";
    /** What a broken foreign key makes MariaDB answer: a refusal, no concurrent twin's doing. */
    private static final String FOREIGN_KEY_REFUSAL = "signal sqlstate '23000' set message_text ="
            + " 'Cannot add or update a child row (test)', mysql_errno = 1452;";
    /** Always loses a deadlock: a concurrent twin for Passerelle, tried again, and again. */
    private static final String DEADLOCKED_ORDER = "ord-always-deadlocked";
    /** Refused by a trigger's own SIGNAL (SQLSTATE 45000), which MariaDB's driver reports as a transient exception. */
    private static final String SIGNALLED_ORDER = "ord-refused-by-a-signal";
    /** Met by a connection exception (SQLSTATE class 08), as when the server goes away mid-statement. */
    private static final String CONNECTION_LOST_ORDER = "ord-connection-lost";

    @Autowired
    SyncLogService syncLog;

    PartnerApiKit api;
    ReservationBook book;
    long restaurantId;
    Pos pos;
    Instant start;

    @BeforeEach
    void setUp() {
        api = new PartnerApiKit(port, fixtures, connections);
        book = fixtures.reservationBook();
        var tenant = fixtures.tenant();
        restaurantId = tenant.restaurant().getId();
        pos = api.pull(tenant);
        start = Instant.now().plus(Duration.ofMinutes(15)).truncatedTo(ChronoUnit.MINUTES);
        jdbc.execute("""
                create trigger test_refuses_one_order before insert on pos_order for each row
                begin
                    if new.external_id = '%s' then
                        %s
                    end if;
                    if new.external_id = '%s' then
                        signal sqlstate '40001' set message_text = 'Deadlock found when trying to get lock (test)',
                            mysql_errno = 1213;
                    end if;
                    if new.external_id = '%s' then
                        signal sqlstate '45000' set message_text = 'Orders of this kind are not taken (test)';
                    end if;
                    if new.external_id = '%s' then
                        signal sqlstate '08S01' set message_text = 'Lost connection to server (test)',
                            mysql_errno = 2013;
                    end if;
                end""".formatted(REFUSED_ORDER, FOREIGN_KEY_REFUSAL, DEADLOCKED_ORDER, SIGNALLED_ORDER,
                CONNECTION_LOST_ORDER));
    }

    @AfterEach
    void dropTrigger() {
        jdbc.execute("drop trigger if exists test_refuses_one_order");
    }

    @Test
    void anEventOfABatchTheDatabaseRefusesIsAnswered500AloneAndLoggedWhileTheOthersApply() {
        Reservation first = confirmed();
        Reservation refused = confirmed();
        Reservation third = confirmed();
        String refusedEventId = newId();
        var batch = "{\"events\": [" + String.join(", ",
                PosEvents.attached(newId(), start, WireIds.reservation(first.getId()), "ord-r1", null, null),
                PosEvents.attached(refusedEventId, start, WireIds.reservation(refused.getId()), REFUSED_ORDER, null,
                        null),
                PosEvents.attached(newId(), start, WireIds.reservation(third.getId()), "ord-r3", null, null)) + "]}";

        var reply = api.post(pos, "/events", batch);

        assertThat(reply.status()).isEqualTo(202);
        var results = reply.json().get("results");
        assertThat(results.valueStream().map(result -> result.get("status").asInt())).containsExactly(202, 500, 202);
        assertThat(results.get(1).get("eventId").asString()).isEqualTo(refusedEventId);
        assertThat(results.get(1).get("problem").get("type").asString()).endsWith("/storage-refused");
        assertThat(results.get(1).get("problem").get("status").asInt()).isEqualTo(500);
        assertThat(reply.text()).doesNotContain("Exception").doesNotContain("child row");
        assertThat(reload(first).getStatus()).isEqualTo(ReservationStatus.ARRIVED);
        assertThat(reload(refused).getStatus()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(reload(third).getStatus()).isEqualTo(ReservationStatus.ARRIVED);
        assertThat(jdbc.queryForList("select event_id from pos_event where connection_id = ?", String.class,
                pos.connectionId())).as("the 500 is not stored: sent again, the event is evaluated again")
                .hasSize(2).doesNotContain(refusedEventId);
        assertRefusalLogged(refusedEventId);
    }

    @Test
    void aSingleEventTheDatabaseRefusesIsA500ProblemLoggedAndAppliedWhenSentAgainOnceTheDatabaseTakesIt() {
        Reservation reservation = confirmed();
        String eventId = newId();
        String event = PosEvents.attached(eventId, start, WireIds.reservation(reservation.getId()), REFUSED_ORDER,
                null, null);

        var refused = api.post(pos, "/events", event);

        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("/storage-refused");
        assertThat(refused.json().get("eventId").asString()).isEqualTo(eventId);
        assertThat(refused.text()).doesNotContain("Exception").doesNotContain("child row");
        assertThat(reload(reservation).getStatus()).isEqualTo(ReservationStatus.CONFIRMED);
        assertRefusalLogged(eventId);

        dropTrigger();
        var sentAgain = api.post(pos, "/events", event);

        assertThat(sentAgain.status()).isEqualTo(202);
        assertThat(sentAgain.json().get("effect").asString()).isEqualTo("SEATED");
        assertThat(reload(reservation).getStatus()).isEqualTo(ReservationStatus.ARRIVED);
    }

    @Test
    void aRefusalMariaDbsDriverReportsAsTransientIsStillARefusalOfThatEventAlone() {
        Reservation reservation = confirmed();

        var refused = api.post(pos, "/events", PosEvents.attached(newId(), start,
                WireIds.reservation(reservation.getId()), SIGNALLED_ORDER, null, null));

        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.json().get("type").asString()).endsWith("/storage-refused");
    }

    @Test
    void aConnectionLostUnderAnEventAnswersTheWholeRequest503ToSendAgainShortly() {
        Reservation reservation = confirmed();
        Reservation other = confirmed();
        String lost = PosEvents.attached(newId(), start, WireIds.reservation(reservation.getId()),
                CONNECTION_LOST_ORDER, null, null);

        var single = api.post(pos, "/events", lost);
        var batch = api.post(pos, "/events", "{\"events\": [" + String.join(", ", PosEvents.attached(newId(), start,
                WireIds.reservation(other.getId()), "ord-beside-the-lost-one", null, null), lost) + "]}");

        for (var reply : List.of(single, batch)) {
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.json().get("type").asString()).endsWith("/unavailable");
            assertThat(reply.header("Retry-After")).isEqualTo("5");
        }
        assertThat(reload(other).getStatus()).as("the batch's transaction rolled back whole, not retried one by one")
                .isEqualTo(ReservationStatus.CONFIRMED);
    }

    /** A first attempt does not look for a stored answer: the database refusing the repeat must not hide it. */
    @Test
    void aRepeatOfAnAppliedEventTheDatabaseNowRefusesGetsItsStoredAnswer() {
        Reservation reservation = confirmed();
        String eventId = newId();
        String event = PosEvents.attached(eventId, start, WireIds.reservation(reservation.getId()), "ord-applied",
                null, null);
        var applied = api.post(pos, "/events", event);
        assertThat(applied.status()).isEqualTo(202);
        jdbc.execute("""
                create trigger test_refuses_the_repeat before insert on pos_event for each row
                begin
                    if new.event_id = '%s' then
                        %s
                    end if;
                end""".formatted(eventId, FOREIGN_KEY_REFUSAL));
        try {
            var repeated = api.post(pos, "/events", event);

            assertThat(repeated.status()).isEqualTo(202);
            assertThat(repeated.json()).isEqualTo(applied.json());
        } finally {
            jdbc.execute("drop trigger if exists test_refuses_the_repeat");
        }
    }

    @Test
    void anEventThatKeepsLosingToConcurrentOnesIsA503ToSendAgainAndLogged() {
        Reservation reservation = confirmed();
        String eventId = newId();

        var busy = api.post(pos, "/events", PosEvents.attached(eventId, start,
                WireIds.reservation(reservation.getId()), DEADLOCKED_ORDER, null, null));

        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.contentType()).startsWith("application/problem+json");
        assertThat(busy.json().get("type").asString()).endsWith("/busy");
        assertThat(busy.header("Retry-After")).isEqualTo("1");
        assertThat(reload(reservation).getStatus()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(fixtures.runAsStaff(() -> syncLog.latest(restaurantId, null, 20)))
                .filteredOn(line -> eventId.equals(line.getMessageId()))
                .extracting(SyncLogEntry::getOutcome, SyncLogEntry::getErrorCode, SyncLogEntry::getHttpStatus)
                .containsExactly(tuple(LogOutcome.FAILED, "busy", 503));
    }

    private void assertRefusalLogged(String eventId) {
        assertThat(fixtures.runAsStaff(() -> syncLog.latest(restaurantId, null, 20)))
                .filteredOn(line -> eventId.equals(line.getMessageId()))
                .extracting(SyncLogEntry::getOutcome, SyncLogEntry::getErrorCode, SyncLogEntry::getHttpStatus)
                .containsExactly(tuple(LogOutcome.FAILED, "storage_refused", 500));
    }

    private Reservation confirmed() {
        return book.changeStatus(book.reservation(restaurantId, start, 2, null, null), ReservationStatus.CONFIRMED);
    }

    private Reservation reload(Reservation reservation) {
        return fixtures.runAsStaff(() -> reservations.get(reservation.getRestaurantId(), reservation.getId()));
    }
}
