package io.passerelle.sync;

import static io.passerelle.sync.SimulatedPos.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.reservation.Reservation;
import io.passerelle.reservation.ReservationDetails;
import io.passerelle.reservation.ReservationStatus;
import io.passerelle.reservation.UpdateReservation;
import io.passerelle.tables.TableNameService;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import tools.jackson.databind.JsonNode;

class SyncDeliveryTest extends SimulatedPosTest {

    @Autowired
    TableNameService tableNames;

    @Test
    void aChangeReachesThePosWithinSecondsSignedAndWhole() {
        try (var pos = startPos()) {
            Reservation created = create(pos, 4, "allergic to nuts");

            JsonNode filed = await("the till to file the reservation", FEW_SECONDS,
                    () -> pos.reservation(created.getId()), found -> found.isPresent()).orElseThrow();

            assertThat(filed.path("version").asLong()).isEqualTo(created.getVersion());
            assertThat(filed.path("status").asString()).isEqualTo("PENDING");
            assertThat(filed.path("partySize").asInt()).isEqualTo(4);
            assertThat(filed.path("notes").asString()).isEqualTo("allergic to nuts");
            assertThat(filed.path("guest").path("lastName").asString()).isEqualTo("Rossi");
            assertThat(filed.path("start").asString()).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    created.getStart().atZone(SimulatedPos.ROME).toOffsetDateTime()));
            assertThat(filed.path("start").asString()).contains("T20:30:00");
            assertThat(pos.counter("signaturesRejected")).isZero();
            assertThat(outbox(created.getId())).containsEntry("DELIVERED", 1L);
        }
    }

    @Test
    void theTableTravelsUnderThePosNameLinkedToIt() {
        try (var pos = startPos()) {
            var book = fixtures.reservationBook();
            var table = book.table(pos.restaurantId(), "T12");
            fixtures.runAsStaff(() -> tableNames.link(pos.restaurantId(), pos.connectionId(), "12", table.getId()));
            Reservation atTable = book.reservation(pos.restaurantId(),
                    LocalDate.now(SimulatedPos.ROME).plusDays(3).atTime(20, 30).atZone(SimulatedPos.ROME).toInstant(),
                    2, null, table);

            JsonNode filed = await("the till to file the reservation", FEW_SECONDS,
                    () -> pos.reservation(atTable.getId()), found -> found.isPresent()).orElseThrow();

            assertThat(filed.path("table").asString()).isEqualTo("12");
        }
    }

    @Test
    void quickEditsArriveInOrderAndTheNewestWins() {
        try (var pos = startPos()) {
            Reservation reservation = create(pos, 2, null);
            for (int partySize = 3; partySize <= 5; partySize++) {
                reservation = update(pos, reservation, partySize);
            }
            long newest = reservation.getVersion();

            long id = reservation.getId();
            await("the newest version at the till", FEW_SECONDS, () -> pos.reservation(id),
                    found -> found.isPresent() && found.get().path("version").asLong() == newest);

            assertThat(pos.reservation(reservation.getId()).orElseThrow().path("partySize").asInt()).isEqualTo(5);
            assertThat(pos.counter("staleVersionsIgnored")).as("an older version after a newer one").isZero();
            assertThat(pos.counter("webhookDuplicates")).isZero();
        }
    }

    @Test
    void aMissedReservationIsSentOnceThenNeverAgain() {
        try (var pos = startPos()) {
            Reservation reservation = create(pos, 2, null);
            Reservation cancelled = fixtures.runAs(pos.tenant.owner(),
                    () -> reservations.changeStatus(pos.restaurantId(), reservation.getId(), ReservationStatus.CANCELLED));
            await("the till to hear of the cancellation", FEW_SECONDS, () -> pos.reservation(reservation.getId()),
                    found -> found.isPresent() && found.get().path("status").asString().equals("MISSED"));

            Reservation edited = update(pos, cancelled, 6);

            assertThat(edited.getVersion()).isGreaterThan(cancelled.getVersion());
            assertThat(jdbc.queryForObject("select count(*) from outbox_message where reservation_id = ?"
                    + " and type = 'reservation.missed' and status = 'DELIVERED'", Long.class, reservation.getId()))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from outbox_message where reservation_id = ?"
                    + " and reservation_version > ?", Long.class, reservation.getId(), cancelled.getVersion()))
                    .as("nothing queued after the missed delivery").isZero();
            assertThat(pos.reservation(reservation.getId()).orElseThrow().path("partySize").asInt()).isEqualTo(2);
        }
    }

    /** Regression (found by the benchmark): concurrent edits of neighbouring reservations deadlocked in the outbox. */
    @Test
    void concurrentEditsOfOneRestaurantAllReachThePos() throws Exception {
        try (var pos = startPos()) {
            List<Reservation> book = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                book.add(create(pos, 2, null));
            }
            Authentication owner = fixtures.authenticate(pos.tenant.owner());
            for (int round = 3; round <= 5; round++) {
                int partySize = round;
                List<Reservation> edited = new ArrayList<>();
                try (ExecutorService editors = Executors.newFixedThreadPool(4)) {
                    List<Future<Reservation>> edits = book.stream().map(reservation -> editors.submit(() -> {
                        fixtures.useAuthentication(owner);
                        return reservations.update(new UpdateReservation(pos.restaurantId(), reservation.getId(),
                                reservation.getVersion(), new ReservationDetails(reservation.getStart(), partySize,
                                        null, null, reservation.getGuest().getId())));
                    })).toList();
                    for (Future<Reservation> edit : edits) {
                        edited.add(edit.get());
                    }
                }
                book = edited;
            }

            for (Reservation reservation : book) {
                await("the newest version at the till", FEW_SECONDS, () -> pos.reservation(reservation.getId()),
                        found -> found.isPresent() && found.get().path("version").asLong() == reservation.getVersion());
            }
        }
    }

    Reservation create(SimulatedPos pos, int partySize, String notes) {
        return pos.book(reservations, guests, partySize, notes);
    }

    Reservation update(SimulatedPos pos, Reservation reservation, int partySize) {
        return pos.changePartySize(reservations, reservation, partySize);
    }

    Map<String, Long> outbox(long reservationId) {
        var counts = new HashMap<String, Long>();
        jdbc.query("select status, count(*) from outbox_message where reservation_id = ? group by status",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, reservationId);
        return counts;
    }
}
