package io.passerelle.sync;

import static io.passerelle.sync.SimulatedPos.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.reservation.OverrideMissed;
import io.passerelle.reservation.Reservation;
import io.passerelle.reservation.ReservationStatus;
import io.passerelle.security.AppRole;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Missed is final for the till, until staff un-park the reservation: then it travels again as upserted. */
class MissedOverrideSyncTest extends SimulatedPosTest {

    @Test
    void anUnparkedReservationReachesTheTillAgainAsUpsertedThenMissedAgainOnce() {
        try (var pos = startPos()) {
            Reservation reservation = pos.book(reservations, guests, 2, null);
            Reservation cancelled = pos.asOwner(() -> reservations.changeStatus(pos.restaurantId(),
                    reservation.getId(), ReservationStatus.CANCELLED));
            await("the till to hear of the cancellation", FEW_SECONDS, () -> pos.reservation(reservation.getId()),
                    found -> found.isPresent() && found.get().path("status").asString().equals("MISSED"));
            await("the missed delivery to be acknowledged", FEW_SECONDS, () -> missedDelivered(pos, reservation),
                    delivered -> delivered);

            Reservation restored = fixtures.runAs(fixtures.staff(AppRole.ONBOARDING),
                    () -> reservations.overrideMissed(new OverrideMissed(pos.restaurantId(), reservation.getId(),
                            ReservationStatus.CONFIRMED, "Cancelled by mistake on the phone")));

            JsonNode filed = await("the till to hear of the restored reservation", FEW_SECONDS,
                    () -> pos.reservation(reservation.getId()).orElseThrow(),
                    found -> found.path("version").asLong() == restored.getVersion());
            assertThat(filed.path("status").asString()).isEqualTo("CONFIRMED");
            assertThat(restored.getVersion()).isGreaterThan(cancelled.getVersion());
            // the till files the message before its answer reaches the relay, which then marks it delivered
            await("the upserted message to be marked delivered", FEW_SECONDS,
                    () -> deliveredOfType(reservation, "reservation.upserted", restored.getVersion()),
                    delivered -> delivered == 1);
            assertThat(missedDelivered(pos, reservation)).as("the missed marker is forgotten").isFalse();

            // from then on it syncs like any reservation: an edit travels, and a new cancellation once more
            Reservation edited = pos.changePartySize(reservations, restored, 5);
            await("the till to hear of the edit", FEW_SECONDS, () -> pos.reservation(reservation.getId()).orElseThrow(),
                    found -> found.path("partySize").asInt() == 5);
            Reservation cancelledAgain = pos.asOwner(() -> reservations.changeStatus(pos.restaurantId(),
                    reservation.getId(), ReservationStatus.CANCELLED));
            await("the till to hear of the second cancellation", FEW_SECONDS,
                    () -> pos.reservation(reservation.getId()).orElseThrow(),
                    found -> found.path("status").asString().equals("MISSED")
                            && found.path("version").asLong() == cancelledAgain.getVersion());
            assertThat(edited.getVersion()).isLessThan(cancelledAgain.getVersion());
            await("both missed messages to be marked delivered", FEW_SECONDS,
                    () -> jdbc.queryForObject("select count(*) from outbox_message where reservation_id = ?"
                            + " and type = 'reservation.missed' and status = 'DELIVERED'", Long.class,
                            reservation.getId()),
                    delivered -> delivered == 2);
        }
    }

    /** Regression guard: the missed message's late acknowledgement must not make the reservation final again. */
    @Test
    void aMissedMessageStillInFlightDoesNotSwallowTheUnparkedReservation() {
        try (var pos = startPos()) {
            Reservation reservation = pos.book(reservations, guests, 2, null);
            await("the till to file the booking", FEW_SECONDS, () -> pos.reservation(reservation.getId()),
                    found -> found.isPresent());
            pos.faults("{\"latencyMs\": 1500}");
            pos.asOwner(() -> reservations.changeStatus(pos.restaurantId(), reservation.getId(),
                    ReservationStatus.CANCELLED));
            await("the relay to be delivering the missed message", FEW_SECONDS,
                    () -> jdbc.queryForObject("select count(*) from outbox_message where reservation_id = ?"
                            + " and type = 'reservation.missed' and status = 'PENDING' and claimed_by is not null",
                            Long.class, reservation.getId()),
                    inFlight -> inFlight == 1);

            Reservation restored = fixtures.runAs(fixtures.staff(AppRole.ONBOARDING),
                    () -> reservations.overrideMissed(new OverrideMissed(pos.restaurantId(), reservation.getId(),
                            ReservationStatus.PENDING, "Cancelled by mistake")));
            pos.faults("{\"latencyMs\": 0}");

            JsonNode filed = await("the till to hear of the restored reservation", FEW_SECONDS,
                    () -> pos.reservation(reservation.getId()).orElseThrow(),
                    found -> found.path("version").asLong() == restored.getVersion());
            assertThat(filed.path("status").asString()).isEqualTo("PENDING");
            assertThat(missedDelivered(pos, reservation)).isFalse();
        }
    }

    private boolean missedDelivered(SimulatedPos pos, Reservation reservation) {
        return jdbc.queryForObject("select count(*) from push_delivery_state where connection_id = ?"
                + " and reservation_id = ? and missed_delivered_at is not null", Long.class, pos.connectionId(),
                reservation.getId()) == 1;
    }

    private long deliveredOfType(Reservation reservation, String type, long version) {
        return jdbc.queryForObject("select count(*) from outbox_message where reservation_id = ? and type = ?"
                + " and reservation_version = ? and status = 'DELIVERED'", Long.class, reservation.getId(), type,
                version);
    }
}
