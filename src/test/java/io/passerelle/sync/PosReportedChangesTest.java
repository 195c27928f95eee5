package io.passerelle.sync;

import static io.passerelle.sync.SimulatedPos.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.partner.WireIds;
import io.passerelle.reservation.Reservation;
import io.passerelle.reservation.ReservationStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Changes a POS reports (seated, finished, walk-ins) are not echoed back to that POS: its event acknowledges the
 * version it produced (DOMAIN rule 3: only what the partner has not acknowledged travels). A POS that was behind
 * still gets the new version, which carries what it missed.
 */
class PosReportedChangesTest extends SimulatedPosTest {

    @Test
    void aSeatingAndABillReportedByThePosAreNotSentBackToIt() {
        try (var pos = startPosReportingHere()) {
            Reservation confirmed = confirmedAtTheTill(pos);

            JsonNode seated = pos.scenario("seat", "{\"reservationId\": \"" + WireIds.reservation(confirmed.getId())
                    + "\", \"table\": \"T3\"}");
            Reservation arrived = await("the seating to reach Passerelle", FEW_SECONDS,
                    () -> current(pos, confirmed), r -> r.getStatus() == ReservationStatus.ARRIVED);
            pos.scenario("close", "{\"orderId\": \"" + seated.path("order").path("orderId").asString() + "\"}");
            Reservation finished = await("the bill to reach Passerelle", FEW_SECONDS,
                    () -> current(pos, confirmed), r -> r.getStatus() == ReservationStatus.FINISHED);

            assertThat(messagesAfter(confirmed)).as("nothing queued for what the POS reported").isZero();
            assertThat(ackedVersion(pos, confirmed)).isEqualTo(finished.getVersion());
            assertThat(arrived.getVersion()).isLessThan(finished.getVersion());

            // a later edit on the platform does travel, with the status the POS reported
            Reservation edited = pos.changePartySize(reservations, finished, 5);
            JsonNode filed = await("the edit at the till", FEW_SECONDS, () -> pos.reservation(confirmed.getId()),
                    found -> found.orElseThrow().path("version").asLong() == edited.getVersion()).orElseThrow();
            assertThat(filed.path("status").asString()).isEqualTo("FINISHED");
            assertThat(filed.path("partySize").asInt()).isEqualTo(5);
            assertThat(pos.counter("staleVersionsIgnored")).isZero();
        }
    }

    @Test
    void aWalkInOpenedAtTheTillIsNotSentToIt() {
        try (var pos = startPosReportingHere()) {
            pos.scenario("walk-in", "{\"table\": \"T5\", \"covers\": 2}");

            long walkIn = await("the walk-in in the book", FEW_SECONDS, () -> jdbc.queryForList(
                    "select id from reservation where restaurant_id = ? and source = 'WALK_IN'", Long.class,
                    pos.restaurantId()), ids -> ids.size() == 1).getFirst();

            assertThat(jdbc.queryForObject("select count(*) from outbox_message where reservation_id = ?", Long.class,
                    walkIn)).isZero();
            assertThat(pos.reservation(walkIn)).isEmpty();
        }
    }

    @Test
    void aPosThatMissedAnEditGetsTheVersionItsOwnSeatingProduced() {
        try (var pos = startPosReportingHere()) {
            Reservation confirmed = confirmedAtTheTill(pos);
            pos.faults("{\"errorRate\": 1.0, \"errorStatus\": 503, \"retryAfterSeconds\": 0}");
            Reservation edited = pos.changePartySize(reservations, confirmed, 6);
            await("the edit to be retrying", FEW_SECONDS, () -> jdbc.queryForObject(
                    "select count(*) from outbox_message where reservation_id = ? and reservation_version = ?"
                            + " and status = 'PENDING' and attempts > 0", Long.class, edited.getId(),
                    edited.getVersion()), count -> count == 1);

            pos.scenario("seat", "{\"reservationId\": \"" + WireIds.reservation(confirmed.getId()) + "\"}");
            Reservation arrived = await("the seating to reach Passerelle", FEW_SECONDS,
                    () -> current(pos, confirmed), r -> r.getStatus() == ReservationStatus.ARRIVED);
            pos.faults("{\"errorRate\": 0}");

            JsonNode filed = await("the seated version at the till", Duration.ofSeconds(20),
                    () -> pos.reservation(confirmed.getId()),
                    found -> found.orElseThrow().path("version").asLong() == arrived.getVersion()).orElseThrow();
            assertThat(filed.path("partySize").asInt()).isEqualTo(6);
            assertThat(filed.path("status").asString()).isEqualTo("ARRIVED");
        }
    }

    /** Booked, confirmed on the platform, and that version filed at the till. */
    private Reservation confirmedAtTheTill(SimulatedPos pos) {
        Reservation booked = pos.book(reservations, guests, 4, null);
        Reservation confirmed = pos.asOwner(() -> reservations.changeStatus(pos.restaurantId(), booked.getId(),
                ReservationStatus.CONFIRMED));
        await("the confirmed version at the till", FEW_SECONDS, () -> pos.reservation(booked.getId()),
                found -> found.isPresent() && found.get().path("version").asLong() == confirmed.getVersion());
        return confirmed;
    }

    private Reservation current(SimulatedPos pos, Reservation reservation) {
        return pos.asOwner(() -> reservations.get(pos.restaurantId(), reservation.getId()));
    }

    private long messagesAfter(Reservation reservation) {
        return jdbc.queryForObject("select count(*) from outbox_message where reservation_id = ?"
                + " and reservation_version > ?", Long.class, reservation.getId(), reservation.getVersion());
    }

    private long ackedVersion(SimulatedPos pos, Reservation reservation) {
        return jdbc.queryForObject("select acked_version from push_delivery_state where connection_id = ?"
                + " and reservation_id = ?", Long.class, pos.connectionId(), reservation.getId());
    }
}
