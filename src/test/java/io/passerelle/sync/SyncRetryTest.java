package io.passerelle.sync;

import static io.passerelle.sync.SimulatedPos.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.passerelle.reservation.Reservation;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Faults at the POS (simulator knobs) and what the relay makes of them; test timings from application-test. */
class SyncRetryTest extends SimulatedPosTest {

    @Autowired
    SyncService sync;

    @Autowired
    ConnectionBreakers breakers;

    @Test
    void serverErrorsAreRetriedUntilThePosRecovers() {
        try (var pos = startPos()) {
            pos.faults("{\"errorRate\": 1.0, \"errorStatus\": 500}");
            Reservation reservation = pos.book(reservations, guests, 2, null);

            Map<String, Object> retrying = await("a failed first attempt", FEW_SECONDS, () -> message(reservation),
                    row -> ((Number) row.get("attempts")).intValue() >= 1);
            assertThat(retrying).containsEntry("status", "PENDING").containsEntry("last_http_status", 500)
                    .containsEntry("last_error_code", "TEMPORARY_ERROR");
            pos.faults("{\"errorRate\": 0}");

            await("the delivery after recovery", FEW_SECONDS, () -> message(reservation),
                    row -> row.get("status").equals("DELIVERED"));
            assertThat(pos.reservation(reservation.getId())).isPresent();
            List<String> outcomes = await("the delivery in the sync log", FEW_SECONDS, () -> logOutcomes(reservation),
                    lines -> lines.contains("SUCCESS"));
            assertThat(outcomes).contains("RETRYING").endsWith("SUCCESS");
        }
    }

    @Test
    void aPosThatDoesNotAnswerInTimeIsRetriedAsATimeoutAndNothingIsLost() {
        try (var pos = startPos()) {
            // hangs longer than the read timeout of the tests (passerelle.partners.read-timeout=2s)
            pos.faults("{\"timeoutRate\": 1.0, \"timeoutMs\": 6000}");
            Reservation reservation = pos.book(reservations, guests, 2, null);

            Map<String, Object> retrying = await("a timed-out first attempt", Duration.ofSeconds(20),
                    () -> message(reservation), row -> ((Number) row.get("attempts")).intValue() >= 1);
            assertThat(retrying).containsEntry("status", "PENDING").containsEntry("last_error_code", "TIMED_OUT");
            pos.faults("{\"timeoutRate\": 0}");

            await("the delivery once the POS answers again", Duration.ofSeconds(20), () -> message(reservation),
                    row -> row.get("status").equals("DELIVERED"));
            assertThat(pos.reservation(reservation.getId())).isPresent();
        }
    }

    @Test
    void retryAfterOf429IsHonoured() {
        try (var pos = startPos()) {
            pos.faults("{\"errorRate\": 1.0, \"errorStatus\": 429, \"retryAfterSeconds\": 3}");
            Reservation reservation = pos.book(reservations, guests, 2, null);

            Map<String, Object> retrying = await("a 429", FEW_SECONDS, () -> message(reservation),
                    row -> ((Number) row.get("attempts")).intValue() >= 1);
            pos.faults("{\"errorRate\": 0}");

            // the log line is written just after the retry is scheduled: wait for it
            await("the 429 in the sync log", FEW_SECONDS, () -> logOutcomes(reservation),
                    lines -> lines.contains("RETRYING"));
            Instant failedAt = jdbc.queryForObject("select max(occurred_at) from sync_log_entry where reservation_id = ?",
                    Timestamp.class, reservation.getId()).toInstant();
            Instant next = ((Timestamp) retrying.get("next_attempt_at")).toInstant();
            assertThat(retrying).containsEntry("last_http_status", 429);
            // backoff alone waits at most 2 s in tests (passerelle.sync.backoff-cap): more is Retry-After's 3 s
            assertThat(Duration.between(failedAt, next)).isGreaterThan(Duration.ofMillis(2_500));
            Map<String, Object> delivered = await("the delivery after Retry-After", FEW_SECONDS,
                    () -> message(reservation), row -> row.get("status").equals("DELIVERED"));
            assertThat(((Timestamp) delivered.get("delivered_at")).toInstant()).isAfterOrEqualTo(next);
        }
    }

    @Test
    void aRefusedMessageIsNotRetriedButCanBeReplayed() {
        try (var pos = startPos()) {
            pos.faults("{\"errorRate\": 1.0, \"errorStatus\": 400}");
            Reservation reservation = pos.book(reservations, guests, 2, null);

            Map<String, Object> failed = await("the refusal", FEW_SECONDS, () -> message(reservation),
                    row -> row.get("status").equals("FAILED"));
            assertThat(failed).containsEntry("attempts", 1).containsEntry("last_error_code", "REJECTED");
            assertThat(pos.asOwner(() -> sync.failedMessages(pos.restaurantId(), pos.connectionId(), 10)))
                    .extracting(OutboxMessage::reservationId).containsExactly(reservation.getId());
            pos.faults("{\"errorRate\": 0}");

            long messageId = ((Number) failed.get("id")).longValue();
            pos.asOwner(() -> {
                sync.replay(pos.restaurantId(), messageId);
                return null;
            });

            await("the replayed delivery", FEW_SECONDS, () -> message(reservation),
                    row -> row.get("status").equals("DELIVERED"));
            assertThat(pos.reservation(reservation.getId())).isPresent();
            assertThat(message(reservation)).containsEntry("webhook_id", failed.get("webhook_id"));
        }
    }

    @Test
    void goneDisablesTheConnectionAndTellsTheRestaurant() {
        try (var pos = startPos()) {
            pos.faults("{\"errorRate\": 1.0, \"errorStatus\": 410}");
            Reservation reservation = pos.book(reservations, guests, 2, null);

            await("the 410", FEW_SECONDS, () -> message(reservation), row -> row.get("status").equals("FAILED"));

            assertThat(pos.asOwner(() -> connections.get(pos.restaurantId(), pos.connectionId())).isEnabled()).isFalse();
            assertThat(jdbc.queryForObject("select error_detail from sync_log_entry where reservation_id = ?"
                    + " and error_code = 'GONE'", String.class, reservation.getId()))
                    .contains("removed this connection").contains("disabled");
        }
    }

    @Test
    void aWebhookThatNowResolvesToAPrivateAddressIsRefusedAtCallTime() {
        try (var pos = startPos()) {
            // as if the POS's DNS name now answered with an internal address
            jdbc.update("update partner_connection set webhook_url = 'https://10.1.2.3/webhooks/x' where id = ?",
                    pos.connectionId());
            Reservation reservation = pos.book(reservations, guests, 2, null);

            Map<String, Object> failed = await("the refusal", FEW_SECONDS, () -> message(reservation),
                    row -> row.get("status").equals("FAILED"));

            assertThat(failed).containsEntry("last_error_code", "ADDRESS_REFUSED").containsEntry("attempts", 1);
            assertThat(failed.get("last_http_status")).isNull();
        }
    }

    @Test
    void aMessageClaimedByANodeThatDiedIsDeliveredByAnotherOnceItsLeaseEnds() {
        try (var pos = startPos()) {
            Reservation reservation = pos.book(reservations, guests, 2, null);
            await("the first version", FEW_SECONDS, () -> message(reservation), row -> row.get("status").equals("DELIVERED"));
            String webhookId = "msg_" + UUID.randomUUID();
            String payload = jdbc.queryForObject("select payload from outbox_message where reservation_id = ?",
                    String.class, reservation.getId()).replace("\"version\":0", "\"version\":1");
            Instant leaseEnd = Instant.now().plusSeconds(2);
            jdbc.update("""
                    insert into outbox_message (restaurant_id, connection_id, reservation_id, reservation_version, type,
                        webhook_id, payload, status, attempts, next_attempt_at, created_at, claimed_by, claimed_until)
                    values (?, ?, ?, 1, 'reservation.upserted', ?, ?, 'PENDING', 0, utc_timestamp(6), utc_timestamp(6),
                        'node-that-died', ?)""", pos.restaurantId(), pos.connectionId(), reservation.getId(), webhookId,
                    payload, java.time.LocalDateTime.ofInstant(leaseEnd, java.time.ZoneOffset.UTC));

            Map<String, Object> delivered = await("another node's delivery", FEW_SECONDS, () -> byWebhookId(webhookId),
                    row -> row.get("status").equals("DELIVERED"));

            assertThat(((Timestamp) delivered.get("delivered_at")).toInstant()).isAfterOrEqualTo(leaseEnd.minusMillis(50));
            assertThat(pos.reservation(reservation.getId()).orElseThrow().path("version").asLong()).isEqualTo(1);
            assertThat(pos.counter("webhookDuplicates")).isZero();
        }
    }

    @Test
    void aDeadPosOpensTheCircuitAndShowsTheConnectionDegraded() {
        try (var pos = startPos()) {
            pos.faults("{\"errorRate\": 1.0, \"errorStatus\": 503, \"retryAfterSeconds\": 0}");
            for (int i = 0; i < 5; i++) {
                pos.book(reservations, guests, 2 + i, null);
            }

            await("an open circuit", Duration.ofSeconds(30), () -> breakers.state(pos.connectionId()),
                    state -> state == CircuitBreaker.State.OPEN);
            assertThat(pos.asOwner(() -> sync.health(pos.restaurantId(), pos.connectionId())).status())
                    .isEqualTo(ConnectionHealth.Status.DEGRADED);
            pos.faults("{\"errorRate\": 0}");

            await("every message delivered after recovery", Duration.ofSeconds(30), () -> jdbc.queryForObject(
                    "select count(*) from outbox_message where connection_id = ? and status = 'DELIVERED'", Long.class,
                    pos.connectionId()), count -> count == 5);
            await("a healthy connection", FEW_SECONDS,
                    () -> pos.asOwner(() -> sync.health(pos.restaurantId(), pos.connectionId())).status(),
                    status -> status == ConnectionHealth.Status.HEALTHY);
        }
    }

    private Map<String, Object> message(Reservation reservation) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select * from outbox_message where reservation_id = ? order by id desc limit 1", reservation.getId());
        return rows.isEmpty() ? Map.of("status", "NONE", "attempts", 0) : rows.getFirst();
    }

    private Map<String, Object> byWebhookId(String webhookId) {
        return jdbc.queryForMap("select * from outbox_message where webhook_id = ?", webhookId);
    }

    private List<String> logOutcomes(Reservation reservation) {
        return jdbc.queryForList("select outcome from sync_log_entry where reservation_id = ? order by id",
                String.class, reservation.getId());
    }
}
