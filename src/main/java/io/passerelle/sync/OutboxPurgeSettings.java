package io.passerelle.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long settled reservation messages stay in the outbox. Delivered or superseded, one has done its work: the
 * POS's delivery state holds the version it acknowledged, and the sync log what was sent, for the log's own
 * retention. Kept for good, the outbox would hold a copy of every payload sent, guests' names and phone numbers
 * included. Failed messages stay (staff may replay them), and so do pay-at-table calls (a payment's story).
 *
 * @param retention how long after its last attempt was due a delivered or superseded reservation message is kept
 * @param batchSize messages deleted per statement, each in a short transaction of its own
 * @param cron      when the nightly purge runs, in UTC
 */
@ConfigurationProperties("passerelle.sync.outbox-purge")
public record OutboxPurgeSettings(
        @DefaultValue("30d") Duration retention,
        @DefaultValue("10000") int batchSize,
        @DefaultValue("0 45 3 * * ?") String cron) {

    public OutboxPurgeSettings {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("passerelle.sync.outbox-purge.retention must be positive, was "
                    + retention);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("passerelle.sync.outbox-purge.batch-size must be at least 1, was "
                    + batchSize);
        }
    }
}
