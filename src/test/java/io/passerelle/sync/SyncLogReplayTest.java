package io.passerelle.sync;

import static io.passerelle.sync.SimulatedPos.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.reservation.Reservation;
import io.passerelle.shared.NotFoundException;
import io.passerelle.shared.RuleViolationException;
import io.passerelle.synclog.LogFilter;
import io.passerelle.synclog.LogLine;
import io.passerelle.synclog.LogOutcome;
import io.passerelle.synclog.SyncLogService;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Replay from the sync log (its FailedDeliveryReplay is the sync engine) against a POS simulator. */
class SyncLogReplayTest extends SimulatedPosTest {

    @Autowired
    SyncLogService syncLog;

    @Test
    void aFailedDeliveryIsDeliveredAfterItsLogLineIsReplayed() {
        try (var pos = startPos()) {
            pos.faults("{\"errorRate\": 1.0, \"errorStatus\": 400}");
            Reservation reservation = pos.book(reservations, guests, 2, null);
            LogLine failed = await("the refusal in the log", FEW_SECONDS, () -> failures(pos), lines -> !lines.isEmpty())
                    .getFirst();
            assertThat(failed.replayable()).isTrue();
            assertThat(failed.errorCode()).isEqualTo("REJECTED");
            pos.faults("{\"errorRate\": 0}");

            // another restaurant's person cannot replay it
            var stranger = fixtures.tenant();
            assertThatThrownBy(() -> fixtures.runAs(stranger.owner(), () -> {
                syncLog.replay(pos.restaurantId(), failed.id());
                return null;
            })).isInstanceOf(NotFoundException.class);

            pos.asOwner(() -> {
                syncLog.replay(pos.restaurantId(), failed.id());
                return null;
            });

            await("the replayed delivery", FEW_SECONDS, () -> status(reservation), "DELIVERED"::equals);
            assertThat(pos.reservation(reservation.getId())).isPresent();
            // replaying the same line again: nothing is failed any more
            assertThatThrownBy(() -> pos.asOwner(() -> {
                syncLog.replay(pos.restaurantId(), failed.id());
                return null;
            })).isInstanceOf(RuleViolationException.class)
                    .extracting(e -> ((RuleViolationException) e).messageKey())
                    .isEqualTo("synclog.replay.not-failed-any-more");
        }
    }

    @Test
    void aFailedVersionReplayedAfterANewerOneWasDeliveredIsSupersededNotSent() {
        try (var pos = startPos()) {
            pos.faults("{\"errorRate\": 1.0, \"errorStatus\": 400}");
            Reservation booked = pos.book(reservations, guests, 2, null);
            LogLine failed = await("the refusal in the log", FEW_SECONDS, () -> failures(pos),
                    lines -> !lines.isEmpty()).getFirst();
            pos.faults("{\"errorRate\": 0}");
            pos.changePartySize(reservations, booked, 5);
            await("the newer version delivered", FEW_SECONDS, () -> status(booked), "DELIVERED"::equals);

            pos.asOwner(() -> {
                syncLog.replay(pos.restaurantId(), failed.id());
                return null;
            });

            assertThat(jdbc.queryForObject("select status from outbox_message where webhook_id = ?", String.class,
                    failed.messageId())).isEqualTo("SUPERSEDED");
            assertThat(pos.reservation(booked.getId()).orElseThrow().path("partySize").asInt()).isEqualTo(5);
        }
    }

    @Test
    void everyFailureOfAPeriodIsSentAgainAndNothingOutsideIt() {
        try (var pos = startPos()) {
            pos.faults("{\"errorRate\": 1.0, \"errorStatus\": 400}");
            Instant start = Instant.now().minusSeconds(60);
            Reservation first = pos.book(reservations, guests, 2, null);
            Reservation second = pos.book(reservations, guests, 3, null);
            await("both refusals", FEW_SECONDS, () -> failures(pos), lines -> lines.size() == 2);
            pos.faults("{\"errorRate\": 0}");

            int none = pos.asOwner(() -> syncLog.replayFailures(pos.restaurantId(), start.minusSeconds(3600), start));
            assertThat(none).isZero();
            int queued = pos.asOwner(() -> syncLog.replayFailures(pos.restaurantId(), start,
                    Instant.now().plusSeconds(60)));

            assertThat(queued).isEqualTo(2);
            await("both delivered", FEW_SECONDS, () -> List.of(status(first), status(second)),
                    statuses -> statuses.equals(List.of("DELIVERED", "DELIVERED")));
        }
    }

    private List<LogLine> failures(SimulatedPos pos) {
        return pos.asOwner(() -> syncLog.search(LogFilter.restaurant(pos.restaurantId()).withOutcome(LogOutcome.FAILED),
                null, 10)).lines();
    }

    private String status(Reservation reservation) {
        return jdbc.queryForObject("select status from outbox_message where reservation_id = ? order by id desc limit 1",
                String.class, reservation.getId());
    }
}
