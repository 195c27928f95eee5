package io.passerelle.partnerapi;

import static io.passerelle.partnerapi.PosEvents.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.passerelle.AppServerTest;
import io.passerelle.TestFixtures;
import io.passerelle.partner.PartnerEventType;
import io.passerelle.partner.WireIds;
import io.passerelle.partnerapi.PartnerApiKit.Pos;
import io.passerelle.reservation.DiningTableService;
import io.passerelle.reservation.DriftService;
import io.passerelle.reservation.Guest;
import io.passerelle.reservation.PosOrderService;
import io.passerelle.reservation.Reservation;
import io.passerelle.reservation.ReservationBook;
import io.passerelle.reservation.ReservationSource;
import io.passerelle.reservation.ReservationStatus;
import io.passerelle.synclog.LogOutcome;
import io.passerelle.synclog.SyncLogEntry;
import io.passerelle.synclog.SyncLogService;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** DOMAIN rules 7-9 through POST /events, over HTTP. */
class PosEventEffectsTest extends AppServerTest {

    @Autowired
    DiningTableService tables;
    @Autowired
    PosOrderService orders;
    @Autowired
    SyncLogService syncLog;
    @Autowired
    DriftService drift;

    PartnerApiKit api;
    ReservationBook book;
    TestFixtures.Tenant tenant;
    long restaurantId;
    Pos pos;
    Instant start;

    @BeforeEach
    void setUp() {
        api = new PartnerApiKit(port, fixtures, connections);
        book = fixtures.reservationBook();
        tenant = fixtures.tenant();
        restaurantId = tenant.restaurant().getId();
        pos = api.pull(tenant);
        // soon: the events about it happen now or within the hour and a half after, as occurredAt must (at most 2 h
        // ahead of Passerelle's clock)
        start = Instant.now().plus(Duration.ofMinutes(15)).truncatedTo(ChronoUnit.MINUTES);
    }

    @Test
    void attachingAConfirmedReservationSeatsItAtTheTableAndRoomTheEventNames() {
        var room = book.room(restaurantId, "Sala");
        var table = fixtures.runAsStaff(() -> tables.createTable(new io.passerelle.reservation.CreateDiningTable(
                restaurantId, new io.passerelle.reservation.DiningTableDetails("T7", 4, room.getId()))));
        Reservation reservation = confirmed(book.guest(restaurantId, "Giulia", "Rossi"));

        var reply = api.post(pos, "/events",
                PosEvents.attached(newId(), start, WireIds.reservation(reservation.getId()), "ord-1", "T7", "Sala"));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().get("effect").asString()).isEqualTo("SEATED");
        assertThat(reply.json().get("reservationId").asString()).isEqualTo(WireIds.reservation(reservation.getId()));
        Reservation seated = reload(reservation);
        assertThat(seated.getStatus()).isEqualTo(ReservationStatus.ARRIVED);
        assertThat(seated.getTable().getId()).isEqualTo(table.getId());
        assertThat(seated.getPosTableName()).isEqualTo("T7");
        assertThat(seated.getPosRoomName()).isEqualTo("Sala");
    }

    @Test
    void anUnconfirmedReservationIsRefusedWith409EachTimeLoggedAndSeatedByTheSameEventIdOnceConfirmed() {
        Reservation pending = book.reservation(restaurantId, start, 2, null, null);
        String id = WireIds.reservation(pending.getId());
        String eventId = newId();

        var refused = api.post(pos, "/events", PosEvents.attached(eventId, start, id, "ord-9", "T1", null));
        var repeated = api.post(pos, "/events", PosEvents.attached(eventId, start, id, "ord-9", "T1", null));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("/reservation-not-confirmed");
        assertThat(refused.json().get("detail").asString()).contains("PENDING");
        assertThat(repeated.status()).isEqualTo(409);
        assertThat(repeated.json()).isEqualTo(refused.json());
        assertThat(reload(pending).getStatus()).isEqualTo(ReservationStatus.PENDING);
        List<SyncLogEntry> rejections = fixtures.runAsStaff(() -> syncLog.trace(restaurantId, pending.getId()));
        assertThat(rejections).as("each attempt").hasSize(2).allSatisfy(line -> {
            assertThat(line.getOutcome()).isEqualTo(LogOutcome.REJECTED);
            assertThat(line.getErrorCode()).isEqualTo("reservation_not_confirmed");
            assertThat(line.getHttpStatus()).isEqualTo(409);
        });

        book.changeStatus(pending, ReservationStatus.CONFIRMED);
        var retried = api.post(pos, "/events", PosEvents.attached(eventId, start, id, "ord-9", "T1", null));
        var retriedAgain = api.post(pos, "/events", PosEvents.attached(eventId, start, id, "ord-9", "T1", null));

        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.json().get("effect").asString()).isEqualTo("SEATED");
        assertThat(retriedAgain.json()).as("accepted: stored, answered the same").isEqualTo(retried.json());
        assertThat(reload(pending).getStatus()).isEqualTo(ReservationStatus.ARRIVED);
    }

    @Test
    void aClosedBillFinishesTheReservationWithItsItemsAndCountsTheGuestOnce() {
        Guest guest = book.guest(restaurantId, "Giulia", "Rossi");
        Reservation reservation = confirmed(guest);
        String id = WireIds.reservation(reservation.getId());
        api.post(pos, "/events", PosEvents.attached(newId(), start, id, "ord-2", "T1", null));
        String closeId = newId();

        var closed = api.post(pos, "/events", PosEvents.closed(closeId, start.plusSeconds(5400), "ord-2", id, 3));
        var repeated = api.post(pos, "/events", PosEvents.closed(closeId, start.plusSeconds(5400), "ord-2", id, 3));
        var sameBillNewEventId = api.post(pos, "/events",
                PosEvents.closed(newId(), start.plusSeconds(5400), "ord-2", id, 3));

        assertThat(closed.status()).isEqualTo(202);
        assertThat(closed.json().get("effect").asString()).isEqualTo("FINISHED");
        assertThat(repeated.status()).isEqualTo(202);
        assertThat(repeated.json()).isEqualTo(closed.json());
        assertThat(sameBillNewEventId.json().get("effect").asString()).isEqualTo("NO_CHANGE");
        assertThat(reload(reservation).getStatus()).isEqualTo(ReservationStatus.FINISHED);
        var order = orders.ordersOf(restaurantId, reservation.getId()).getFirst();
        assertThat(order.getTotalAmount()).isEqualByComparingTo("86.50");
        assertThat(order.getCovers()).isEqualTo(3);
        assertThat(order.getItems()).extracting(i -> i.name() + " x" + i.quantity() + " @" + i.unitPrice())
                .containsExactly("Tiramisù x2 @7.00", "Fiorentina x1 @72.50");
        assertStatistics(guest, 1, 3, "86.50");
    }

    @Test
    void aSecondBillOfTheSameReservationIsStoredAndCountedAsPartOfTheSameVisit() {
        Guest guest = book.guest(restaurantId, "Luca", "Verdi");
        Reservation reservation = confirmed(guest);
        String id = WireIds.reservation(reservation.getId());
        api.post(pos, "/events", PosEvents.attached(newId(), start, id, "ord-1", "T1", null));
        api.post(pos, "/events", PosEvents.closed(newId(), start.plusSeconds(3600), "ord-1", id, 2));
        long finishedVersion = reload(reservation).getVersion();

        // the same party's second bill (another round, a friend joined): the visit's covers are its largest bill's
        var second = api.post(pos, "/events", PosEvents.closed(newId(), start.plusSeconds(5400), "ord-2", id, 3));
        var repeated = api.post(pos, "/events", PosEvents.closed(newId(), start.plusSeconds(5400), "ord-2", id, 3));

        assertThat(second.status()).isEqualTo(202);
        assertThat(second.json().get("effect").asString()).isEqualTo("FINISHED");
        assertThat(repeated.json().get("effect").asString()).isEqualTo("NO_CHANGE");
        assertThat(orders.ordersOf(restaurantId, reservation.getId()))
                .extracting(order -> order.getExternalId() + " " + order.isClosed() + " " + order.getTotalAmount())
                .containsExactly("ord-1 true 86.50", "ord-2 true 86.50");
        assertThat(reload(reservation).getStatus()).isEqualTo(ReservationStatus.FINISHED);
        assertThat(reload(reservation).getVersion()).isEqualTo(finishedVersion);
        assertStatistics(guest, 1, 3, "173.00");
    }

    @Test
    void aFurtherOrderOpenedOnASeatedReservationIsStoredWithoutChangingIt() {
        Reservation reservation = confirmed(null);
        String id = WireIds.reservation(reservation.getId());
        api.post(pos, "/events", PosEvents.attached(newId(), start, id, "ord-1", "T1", null));
        long seatedVersion = reload(reservation).getVersion();

        var further = api.post(pos, "/events", PosEvents.attached(newId(), start.plusSeconds(1800), id, "ord-2", "T2",
                null));

        assertThat(further.status()).isEqualTo(202);
        assertThat(further.json().get("effect").asString()).isEqualTo("SEATED");
        assertThat(orders.ordersOf(restaurantId, reservation.getId()))
                .extracting(order -> order.getExternalId() + " " + order.getTableName() + " " + order.isClosed())
                .containsExactly("ord-1 T1 false", "ord-2 T2 false");
        Reservation seated = reload(reservation);
        assertThat(seated.getStatus()).isEqualTo(ReservationStatus.ARRIVED);
        assertThat(seated.getPosTableName()).isEqualTo("T1");
        assertThat(seated.getVersion()).isEqualTo(seatedVersion);
    }

    @Test
    void identicalClosesArrivingTogetherCountTheBillOnce() throws Exception {
        Guest guest = book.guest(restaurantId, "Marco", "Bianchi");
        Reservation reservation = confirmed(guest);
        String id = WireIds.reservation(reservation.getId());
        api.post(pos, "/events", PosEvents.attached(newId(), start, id, "ord-3", "T1", null));
        String twinId = newId();
        List<String> bodies = List.of(
                PosEvents.closed(twinId, start.plusSeconds(3600), "ord-3", id, 2),
                PosEvents.closed(twinId, start.plusSeconds(3600), "ord-3", id, 2),
                PosEvents.closed(newId(), start.plusSeconds(3600), "ord-3", id, 2),
                PosEvents.closed(newId(), start.plusSeconds(3600), "ord-3", id, 2));

        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        try {
            var ready = new CountDownLatch(bodies.size());
            var go = new CountDownLatch(1);
            var replies = new ArrayList<Future<PartnerApiKit.Reply>>();
            for (String body : bodies) {
                replies.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return api.post(pos, "/events", body);
                }));
            }
            ready.await();
            go.countDown();
            for (var reply : replies) {
                assertThat(reply.get().status()).isEqualTo(202);
            }
            assertThat(replies.get(0).get().json()).isEqualTo(replies.get(1).get().json());
        } finally {
            pool.shutdownNow();
        }
        assertStatistics(guest, 1, 2, "86.50");
        assertThat(orders.ordersOf(restaurantId, reservation.getId())).hasSize(1);
    }

    @Test
    void anOrderOpenedWithoutReservationIsMatchedToTheConfirmedReservationOnItsTableWithinTheWindow() {
        var table = book.table(restaurantId, "T3");
        Reservation early = book.reservation(restaurantId, start, 2, null, table);
        book.changeStatus(early, ReservationStatus.CONFIRMED);

        // 29 minutes before the start: the guests came early
        var reply = api.post(pos, "/events", PosEvents.opened(newId(), start.minusSeconds(29 * 60), "ord-4", "T3", 2));

        assertThat(reply.json().get("effect").asString()).isEqualTo("MATCHED");
        assertThat(reply.json().get("reservationId").asString()).isEqualTo(WireIds.reservation(early.getId()));
        assertThat(reload(early).getStatus()).isEqualTo(ReservationStatus.ARRIVED);
    }

    @Test
    void outsideTheWindowAnOpenedOrderIsAWalkInCreatedOnceAndAnUnknownTableIsFlagged() {
        var table = book.table(restaurantId, "T5");
        Reservation later = book.reservation(restaurantId, start, 2, null, table);
        book.changeStatus(later, ReservationStatus.CONFIRMED);

        // 31 minutes before the start: too early for that reservation
        var walkIn = api.post(pos, "/events", PosEvents.opened(newId(), start.minusSeconds(31 * 60), "ord-5", "T5", 3));
        var again = api.post(pos, "/events", PosEvents.opened(newId(), start.minusSeconds(31 * 60), "ord-5", "T5", 3));
        var unknownTable = api.post(pos, "/events", PosEvents.opened(newId(), start, "ord-6", "Bar 9", 1));

        assertThat(walkIn.json().get("effect").asString()).isEqualTo("WALK_IN_CREATED");
        assertThat(again.json().get("effect").asString()).isEqualTo("NO_CHANGE");
        assertThat(again.json().get("reservationId")).isEqualTo(walkIn.json().get("reservationId"));
        long walkInId = WireIds.parseReservation(walkIn.json().get("reservationId").asString()).orElseThrow();
        Reservation created = fixtures.runAsStaff(() -> reservations.get(restaurantId, walkInId));
        assertThat(created.getSource()).isEqualTo(ReservationSource.WALK_IN);
        assertThat(created.getStatus()).isEqualTo(ReservationStatus.ARRIVED);
        assertThat(created.getPartySize()).isEqualTo(3);
        assertThat(created.getTable().getId()).isEqualTo(table.getId());
        assertThat(reload(later).getStatus()).isEqualTo(ReservationStatus.CONFIRMED);

        long barId = WireIds.parseReservation(unknownTable.json().get("reservationId").asString()).orElseThrow();
        assertThat(fixtures.runAsStaff(() -> reservations.get(restaurantId, barId)).getPosTableName()).isEqualTo("Bar 9");
        assertThat(fixtures.runAsStaff(() -> syncLog.trace(restaurantId, barId)))
                .extracting(SyncLogEntry::getErrorCode).containsExactly("unmapped_table");
    }

    @Test
    void aBillPaidAtTableFinishesTheWalkInWithItsPayment() {
        var opened = api.post(pos, "/events", PosEvents.opened(newId(), start, "ord-7", "T8", 2));
        long walkInId = WireIds.parseReservation(opened.json().get("reservationId").asString()).orElseThrow();

        var paid = api.post(pos, "/events", PosEvents.paidAtTable(newId(), start.plusSeconds(3000), "ord-7", "pt_1"));

        assertThat(paid.status()).isEqualTo(202);
        assertThat(paid.json().get("effect").asString()).isEqualTo("FINISHED");
        assertThat(fixtures.runAsStaff(() -> reservations.get(restaurantId, walkInId)).getStatus())
                .isEqualTo(ReservationStatus.FINISHED);
        var order = orders.ordersOf(restaurantId, walkInId).getFirst();
        assertThat(order.getPaymentId()).isEqualTo("pt_1");
        assertThat(order.getTotalAmount()).isEqualByComparingTo(new BigDecimal("44.00"));
    }

    @Test
    void eventsForAReservationAlreadyFurtherAlongAreAcceptedWithoutChange() {
        Reservation reservation = confirmed(null);
        String id = WireIds.reservation(reservation.getId());
        api.post(pos, "/events", PosEvents.attached(newId(), start, id, "ord-8", null, null));
        api.post(pos, "/events", PosEvents.closed(newId(), start.plusSeconds(3600), "ord-8", id, 2));
        long version = reload(reservation).getVersion();

        var lateAttach = api.post(pos, "/events", PosEvents.attached(newId(), start, id, "ord-8", "T1", null));

        assertThat(lateAttach.status()).isEqualTo(202);
        assertThat(lateAttach.json().get("effect").asString()).isEqualTo("NO_CHANGE");
        assertThat(reload(reservation).getVersion()).isEqualTo(version);
        assertThat(reload(reservation).getStatus()).isEqualTo(ReservationStatus.FINISHED);
    }

    @Test
    void aRepeatOfAnAppliedEventGetsItsStoredAnswerWhereEvaluatedAgainItWouldBeA409() {
        // the POS seats the walk-in it opened; support then merges the walk-in into the booking it duplicates, and
        // its order moves there: the seating, evaluated again, is an order of another reservation
        var opened = api.post(pos, "/events", PosEvents.opened(newId(), start, "ord-m", "T9", 2));
        String walkIn = opened.json().get("reservationId").asString();
        String seating = PosEvents.attached(newId(), start, walkIn, "ord-m", "T9", null);
        var seated = api.post(pos, "/events", seating);
        Reservation booking = confirmed(null);
        fixtures.runAsStaff(() -> drift.merge(restaurantId, WireIds.parseReservation(walkIn).orElseThrow(),
                booking.getId()));

        var repeated = api.post(pos, "/events", seating);
        var repeatedInABatch = api.post(pos, "/events",
                batch(seating, PosEvents.attached(newId(), start, "r_zzzzzz", "ord-404", null, null)));
        var sameSeatingNewEventId = api.post(pos, "/events", PosEvents.attached(newId(), start, walkIn, "ord-m", "T9",
                null));

        assertThat(seated.status()).isEqualTo(202);
        assertThat(sameSeatingNewEventId.status()).as("evaluated again").isEqualTo(409);
        assertThat(repeated.status()).isEqualTo(202);
        assertThat(repeated.json()).isEqualTo(seated.json());
        assertThat(repeatedInABatch.json().get("results").get(0)).as("one by one, a 404 beside it")
                .isEqualTo(seated.json());
        assertThat(repeatedInABatch.json().get("results").get(1).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void aRepeatSentLaterThanTheOccurredAtWindowGetsItsStoredAnswerWhereANewEventIs400() {
        // a bill the POS sent 40 days ago, within the window then, as it was answered and stored
        Reservation reservation = confirmed(null);
        String id = WireIds.reservation(reservation.getId());
        Instant fortyDaysAgo = Instant.now().minus(Duration.ofDays(40));
        String eventId = newId();
        String bill = PosEvents.closed(eventId, fortyDaysAgo, "ord-late", id, 2);
        String stored = "{\"eventId\":\"" + eventId + "\",\"status\":202,\"effect\":\"FINISHED\",\"reservationId\":\""
                + id + "\"}";
        jdbc.update("insert into pos_event (connection_id, event_id, type, received_at, http_status, result) "
                + "values (?, ?, 'order.closed', ?, 202, ?)", pos.connectionId(), eventId,
                Timestamp.from(fortyDaysAgo), stored);
        String newBill = PosEvents.closed(newId(), fortyDaysAgo, "ord-late-2", null, 2);

        var repeated = api.post(pos, "/events", bill);
        var inABatch = api.post(pos, "/events", batch(bill, newBill));
        var oneByOne = api.post(pos, "/events",
                batch(bill, newBill, PosEvents.attached(newId(), start, "r_zzzzzz", "ord-404", null, null)));
        var newAlone = api.post(pos, "/events", newBill);

        var storedAnswer = PartnerApiKit.JSON.readTree(stored);
        assertThat(repeated.status()).isEqualTo(202);
        assertThat(repeated.json()).isEqualTo(storedAnswer);
        assertThat(inABatch.json().get("results").get(0)).isEqualTo(storedAnswer);
        assertThat(oneByOne.json().get("results").get(0)).as("a 404 beside it").isEqualTo(storedAnswer);
        assertThat(List.of(inABatch.json().get("results").get(1), oneByOne.json().get("results").get(1)))
                .allSatisfy(late -> {
                    assertThat(late.get("status").asInt()).isEqualTo(400);
                    assertThat(late.get("problem").get("errors").get(0).get("field").asString())
                            .isEqualTo("occurredAt");
                });
        assertThat(oneByOne.json().get("results").get(2).get("status").asInt()).isEqualTo(404);
        assertThat(newAlone.status()).isEqualTo(400);
        assertThat(newAlone.contentType()).startsWith("application/problem+json");
        assertThat(newAlone.json().get("errors").get(0).get("field").asString()).isEqualTo("occurredAt");
        assertThat(reload(reservation).getStatus()).as("the bill not applied again").isEqualTo(
                ReservationStatus.CONFIRMED);
    }

    @Test
    void eventIdsDifferingOnlyInCaseOrTrailingSpacesAreDifferentEvents() {
        String eventId = "E-" + newId().toUpperCase();
        List<String> spellings = List.of(eventId, eventId.toLowerCase(), eventId + " ");

        var replies = spellings.stream()
                .map(spelling -> api.post(pos, "/events", PosEvents.opened(spelling, start, "ord-" + newId(), "T9", 2)))
                .toList();

        assertThat(replies).extracting(PartnerApiKit.Reply::status).containsExactly(202, 202, 202);
        assertThat(replies).extracting(reply -> reply.json().get("eventId").asString())
                .containsExactlyElementsOf(spellings);
        assertThat(replies).extracting(reply -> reply.json().get("effect").asString())
                .containsOnly("WALK_IN_CREATED");
        assertThat(replies).extracting(reply -> reply.json().get("reservationId").asString()).doesNotHaveDuplicates();
    }

    @Test
    void orderIdsDifferingOnlyInCaseAreDifferentOrders() {
        var upper = api.post(pos, "/events", PosEvents.opened(newId(), start, "AB12", "T9", 2));
        var lower = api.post(pos, "/events", PosEvents.opened(newId(), start, "ab12", "T9", 3));
        long lowerId = WireIds.parseReservation(lower.json().get("reservationId").asString()).orElseThrow();

        var closedLower = api.post(pos, "/events", PosEvents.closed(newId(), start.plusSeconds(3600), "ab12", null, 3));

        assertThat(upper.json().get("effect").asString()).isEqualTo("WALK_IN_CREATED");
        assertThat(lower.json().get("effect").asString()).as("not the same order opened again")
                .isEqualTo("WALK_IN_CREATED");
        assertThat(lower.json().get("reservationId")).isNotEqualTo(upper.json().get("reservationId"));
        assertThat(closedLower.json().get("reservationId")).isEqualTo(lower.json().get("reservationId"));
        assertThat(orders.ordersOf(restaurantId, lowerId)).extracting(io.passerelle.reservation.PosOrder::getExternalId)
                .containsExactly("ab12");
    }

    @Test
    void anEventTheConnectionDoesNotReceiveIsRefusedWith403AloneOrInABatchAndLogged() {
        TestFixtures.Tenant other = fixtures.tenant();
        long otherRestaurantId = other.restaurant().getId();
        Pos attachOnly = api.pull(other);
        fixtures.receiveEvents(attachOnly.connectionId(),
                EnumSet.of(PartnerEventType.RESERVATION_ATTACHED, PartnerEventType.ORDER_CLOSED));
        Reservation reservation = book.changeStatus(book.reservation(otherRestaurantId, start, 2, null, null),
                ReservationStatus.CONFIRMED);
        String eventId = newId();

        var refused = api.post(attachOnly, "/events", PosEvents.opened(eventId, start, "ord-403", "T1", 2));
        var repeated = api.post(attachOnly, "/events", PosEvents.opened(eventId, start, "ord-403", "T1", 2));
        var inBatch = api.post(attachOnly, "/events", batch(
                PosEvents.attached(newId(), start, WireIds.reservation(reservation.getId()), "ord-ok", null, null),
                PosEvents.opened(newId(), start, "ord-403b", "T1", 2)));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("/event-not-enabled");
        assertThat(refused.json().get("detail").asString()).contains("order.opened");
        assertThat(repeated.status()).isEqualTo(403);
        assertThat(repeated.json()).isEqualTo(refused.json());
        assertThat(inBatch.json().get("results").valueStream().map(result -> result.get("status").asInt()))
                .containsExactly(202, 403);
        assertThat(reload(reservation).getStatus()).isEqualTo(ReservationStatus.ARRIVED);
        assertThat(jdbc.queryForObject("select count(*) from pos_order where restaurant_id = ? and external_id like "
                + "'ord-403%'", Integer.class, otherRestaurantId)).as("no walk-in").isZero();
        assertThat(fixtures.runAsStaff(() -> syncLog.latest(otherRestaurantId, null, 20)))
                .filteredOn(line -> line.getOutcome() == LogOutcome.REJECTED)
                .extracting(SyncLogEntry::getErrorCode, SyncLogEntry::getHttpStatus)
                .as("the refusal and the batch's, not the repeat").containsExactly(
                        tuple("event_not_enabled", 403), tuple("event_not_enabled", 403));
    }

    @Test
    void aBatchAppliesEachEventOnItsOwnAndAnswersPerEvent() {
        Reservation confirmed = confirmed(null);
        Reservation pending = book.reservation(restaurantId, start, 2, null, null);
        String good = newId();
        String conflicting = newId();
        String body = "{\"events\": [" + PosEvents.attached(good, start, WireIds.reservation(confirmed.getId()), "o-a",
                "T1", null) + "," + PosEvents.attached(conflicting, start, WireIds.reservation(pending.getId()), "o-b",
                "T2", null) + ", {\"type\": \"order.opened\", \"eventId\": \"x-1\"}]}";

        var reply = api.post(pos, "/events", body);

        assertThat(reply.status()).as("the batch accepted, each event answered in it").isEqualTo(202);
        var results = reply.json().get("results");
        assertThat(results.size()).isEqualTo(3);
        assertThat(results.get(0).get("eventId").asString()).isEqualTo(good);
        assertThat(results.get(0).get("status").asInt()).isEqualTo(202);
        assertThat(results.get(1).get("status").asInt()).isEqualTo(409);
        assertThat(results.get(1).get("problem").get("type").asString()).endsWith("/reservation-not-confirmed");
        assertThat(results.get(2).get("eventId").asString()).isEqualTo("x-1");
        assertThat(results.get(2).get("status").asInt()).isEqualTo(400);
        assertThat(results.get(2).get("problem").get("errors").toString()).contains("occurredAt").contains("orderId");
        assertThat(reload(confirmed).getStatus()).isEqualTo(ReservationStatus.ARRIVED);
        assertThat(reload(pending).getStatus()).isEqualTo(ReservationStatus.PENDING);
    }

    @Test
    void anotherRestaurantsReservationIsNotFoundAndUntouched() {
        Reservation elsewhere = book.reservation(tenant.sibling().getId(), start, 2, null, null);
        book.changeStatus(elsewhere, ReservationStatus.CONFIRMED);

        var reply = api.post(pos, "/events",
                PosEvents.attached(newId(), start, WireIds.reservation(elsewhere.getId()), "ord-x", "T1", null));
        var unknown = api.post(pos, "/events", PosEvents.attached(newId(), start, "r_zzzzzz", "ord-y", "T1", null));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(reply.text()).doesNotContain(tenant.sibling().getName());
        assertThat(fixtures.runAsStaff(() -> reservations.get(tenant.sibling().getId(), elsewhere.getId())).getStatus())
                .isEqualTo(ReservationStatus.CONFIRMED);
    }

    @Test
    void aBatchIsAnsweredEventByEventWhetherAllAreAcceptedOrOneIsRefused() {
        Reservation first = confirmed(null);
        Reservation second = confirmed(null);
        String walkIn = newId();
        String accepted = batch(PosEvents.attached(newId(), start, WireIds.reservation(first.getId()), "ord-b1", null,
                null), PosEvents.opened(walkIn, start, "ord-b2", "T9", 2), PosEvents.opened(walkIn, start, "ord-b2",
                "T9", 2));

        var allAccepted = api.post(pos, "/events", accepted);

        assertThat(allAccepted.status()).isEqualTo(202);
        assertThat(allAccepted.json().get("results").valueStream().map(result -> result.get("status").asInt()))
                .containsExactly(202, 202, 202);
        assertThat(allAccepted.json().get("results").get(2)).as("the same eventId twice: applied once")
                .isEqualTo(allAccepted.json().get("results").get(1));
        assertThat(reload(first).getStatus()).isEqualTo(ReservationStatus.ARRIVED);
        assertThat(api.post(pos, "/events", accepted).json()).as("the batch again: the same answers")
                .isEqualTo(allAccepted.json());

        Reservation pending = book.reservation(restaurantId, start, 2, null, null);
        var mixed = api.post(pos, "/events", batch(
                PosEvents.attached(newId(), start, WireIds.reservation(pending.getId()), "ord-b3", null, null),
                PosEvents.attached(newId(), start, WireIds.reservation(second.getId()), "ord-b4", null, null)));

        assertThat(mixed.json().get("results").valueStream().map(result -> result.get("status").asInt()))
                .as("the refused event spoils nothing of the other").containsExactly(409, 202);
        assertThat(reload(pending).getStatus()).isEqualTo(ReservationStatus.PENDING);
        assertThat(reload(second).getStatus()).isEqualTo(ReservationStatus.ARRIVED);
        assertThat(fixtures.runAsStaff(() -> syncLog.trace(restaurantId, pending.getId())))
                .extracting(SyncLogEntry::getOutcome).containsExactly(LogOutcome.REJECTED);
    }

    private static String batch(String... events) {
        return "{\"events\": [" + String.join(", ", events) + "]}";
    }

    private Reservation confirmed(Guest guest) {
        Reservation reservation = book.reservation(restaurantId, start, 2, guest, null);
        return book.changeStatus(reservation, ReservationStatus.CONFIRMED);
    }

    private Reservation reload(Reservation reservation) {
        return fixtures.runAsStaff(() -> reservations.get(reservation.getRestaurantId(), reservation.getId()));
    }

    private void assertStatistics(Guest guest, int visits, int covers, String totalSpent) {
        Guest current = fixtures.runAsStaff(() -> guests.get(restaurantId, guest.getId()));
        assertThat(current.getVisits()).isEqualTo(visits);
        assertThat(current.getCovers()).isEqualTo(covers);
        assertThat(current.getTotalSpent()).isEqualByComparingTo(totalSpent);
    }
}
