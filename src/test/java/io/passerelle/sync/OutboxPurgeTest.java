package io.passerelle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Settled reservation messages leave the outbox after their retention; what may still matter stays. */
class OutboxPurgeTest extends SimulatedPosTest {

    private static final Duration RETENTION = Duration.ofDays(30);

    @Autowired
    OutboxStore store;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;

    @Test
    void deliveredAndSupersededReservationMessagesGoAfterTheRetentionAndNothingElse() {
        try (var pos = startPos()) {
            Instant now = clock.instant();
            Instant old = now.minus(RETENTION).minus(Duration.ofDays(1));
            Instant recent = now.minus(RETENTION).plus(Duration.ofDays(1));
            String oldDelivered = message(pos, "reservation.upserted", "DELIVERED", old);
            String oldMissed = message(pos, "reservation.missed", "DELIVERED", old);
            String oldSuperseded = message(pos, "reservation.upserted", "SUPERSEDED", old);
            String oldFailed = message(pos, "reservation.upserted", "FAILED", old);
            String oldPending = message(pos, "reservation.upserted", "PENDING", old);
            String oldPayment = message(pos, "bill.payment", "DELIVERED", old);
            String recentDelivered = message(pos, "reservation.upserted", "DELIVERED", recent);

            // a batch of one: the purge goes on until a batch comes back short
            var settings = new OutboxPurgeSettings(RETENTION, 1, "0 0 3 * * ?");
            long purged = new OutboxPurge(store, transactions, clock, settings).purgeSettled();

            assertThat(webhookIds(pos)).containsExactlyInAnyOrder(oldFailed, oldPending, oldPayment, recentDelivered)
                    .doesNotContain(oldDelivered, oldMissed, oldSuperseded);
            // other tests' messages may be as old: at least this test's three went
            assertThat(purged).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void aRetentionOrBatchThatCannotWorkIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new OutboxPurgeSettings(Duration.ZERO, 10, "0 0 3 * * ?"))
                .hasMessageContaining("retention must be positive");
        assertThatThrownBy(() -> new OutboxPurgeSettings(RETENTION, 0, "0 0 3 * * ?"))
                .hasMessageContaining("batch-size must be at least 1");
    }

    /** A message of a reservation no test books, claimed elsewhere for an hour: the running relay leaves it be. */
    private String message(SimulatedPos pos, String type, String status, Instant due) {
        String webhookId = "msg_" + UUID.randomUUID();
        LocalDateTime at = LocalDateTime.ofInstant(due, ZoneOffset.UTC);
        jdbc.update("""
                insert into outbox_message (restaurant_id, connection_id, reservation_id, reservation_version, type,
                    webhook_id, payload, status, attempts, next_attempt_at, created_at, claimed_by, claimed_until)
                values (?, ?, 9200001, 1, ?, ?, '{}', ?, 1, ?, ?, 'another-node', ?)""", pos.restaurantId(),
                pos.connectionId(), type, webhookId, status, at, at,
                LocalDateTime.ofInstant(clock.instant().plus(Duration.ofHours(1)), ZoneOffset.UTC));
        return webhookId;
    }

    private List<String> webhookIds(SimulatedPos pos) {
        return jdbc.queryForList("select webhook_id from outbox_message where connection_id = ?", String.class,
                pos.connectionId());
    }
}
