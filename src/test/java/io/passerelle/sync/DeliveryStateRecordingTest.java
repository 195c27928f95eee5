package io.passerelle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery states one recording writes when plain and missed acknowledgements come mixed: the plain ones go many
 * rows to a statement, a missed one on its own with its look for a reopening upsert, and each lands as its own.
 */
class DeliveryStateRecordingTest extends SimulatedPosTest {

    // push_delivery_state references only the connection: reservations far from any the tests create
    private static final long FIRST = 9_100_001;
    private static final long SECOND = 9_100_002;
    private static final long THIRD = 9_100_003;

    @Autowired
    OutboxStore store;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void plainAndMissedAcknowledgementsOfOneRecordingEachLandAsTheirOwn() {
        try (var pos = startPos()) {
            long connection = pos.connectionId();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

            record(now, changes -> {
                changes.acknowledged(1, connection, THIRD, 2, false, now);
                changes.acknowledged(2, connection, FIRST, 5, true, now);
                changes.acknowledged(3, connection, SECOND, 1, false, now);
                changes.acknowledged(4, connection, THIRD, 3, false, now); // the same reservation, a newer version
            });

            assertThat(ackedVersions(connection)).containsExactlyInAnyOrderEntriesOf(Map.of(FIRST, 5L, SECOND, 1L,
                    THIRD, 3L));
            assertThat(markedMissed(connection)).containsExactly(FIRST);

            // an older version acknowledged late never moves a state back, and a plain one keeps a missed mark
            record(now, changes -> {
                changes.acknowledged(5, connection, FIRST, 4, false, now);
                changes.acknowledged(6, connection, THIRD, 2, false, now);
                changes.acknowledged(7, connection, SECOND, 2, true, now);
            });

            assertThat(ackedVersions(connection)).containsExactlyInAnyOrderEntriesOf(Map.of(FIRST, 5L, SECOND, 2L,
                    THIRD, 3L));
            assertThat(markedMissed(connection)).containsExactlyInAnyOrder(FIRST, SECOND);
        }
    }

    private void record(Instant now, Consumer<OutboxStore.RelayChanges> acknowledgements) {
        var changes = new OutboxStore.RelayChanges(now);
        acknowledgements.accept(changes);
        transactions.executeWithoutResult(status -> store.apply(changes));
    }

    private Map<Long, Long> ackedVersions(long connection) {
        var versions = new HashMap<Long, Long>();
        jdbc.query("select reservation_id, acked_version from push_delivery_state where connection_id = ?",
                row -> { versions.put(row.getLong(1), row.getLong(2)); }, connection);
        return versions;
    }

    private List<Long> markedMissed(long connection) {
        return jdbc.queryForList("select reservation_id from push_delivery_state where connection_id = ?"
                + " and missed_delivered_at is not null order by reservation_id", Long.class, connection);
    }
}
