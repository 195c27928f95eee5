package io.passerelle.partnerapi;

import static io.passerelle.partnerapi.PosEvents.newId;
import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.PasserelleTest;
import io.passerelle.TestFixtures;
import io.passerelle.connection.AuthenticatedConnection;
import io.passerelle.connection.ConnectionService;
import io.passerelle.partnerapi.PartnerApiKit.Pos;
import io.passerelle.partnerapi.StatementCounting.Count;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a walk-in costs the database, counted on the JDBC connection: one commit, and a bounded number of statements
 * whose number does not grow by a round trip per event where a batch will do. A statement put back in the loop (a
 * stored answer read per event, a pos_event row written twice, a table name resolved per event) fails here.
 */
@PasserelleTest
@Import({TestFixtures.class, StatementCounting.Config.class})
class PosEventStatementsTest {

    /**
     * Per transaction, whatever its number of events: the answers stored for its eventIds (a single event skips this on
     * a first attempt: its row's unique key finds a repeat), then one batch each: the events' rows with their answers,
     * the unmapped names' sightings, the sync log lines, the tills' own news acknowledged (sync). The table names and
     * the restaurant's push connections are remembered from the till's first event (read once per cache TTL).
     */
    private static final int PER_TRANSACTION = 5;
    /**
     * Per walk-in: its order looked up under its lock (in a batch, and on a retry: a single event's first attempt
     * finds a known order by its unique key), its reservation and its order inserted (IDENTITY ids).
     */
    private static final int PER_WALK_IN = 3;

    private final PosEventProcessor events;
    private final JdbcTemplate jdbc;
    private final AuthenticatedConnection till;

    @Autowired
    PosEventStatementsTest(PosEventProcessor events, ConnectionService connections, TestFixtures fixtures,
            JdbcTemplate jdbc, @LocalServerPort int port) {
        this.events = events;
        this.jdbc = jdbc;
        var api = new PartnerApiKit(port, fixtures, connections);
        var tenant = fixtures.tenant();
        Pos pos = api.push(tenant.restaurant(), "http://127.0.0.1:9/webhooks/counted");
        till = connections.authenticateToken(pos.publicId(), api.pushToken(pos)).orElseThrow();
        // the first event of a till pays for what is then known (the sighting row created, caches warmed)
        events.process(till, walkIn());
    }

    @Test
    void aSingleWalkInIsOneCommitAndABoundedNumberOfStatements() {
        PosEventRequest event = walkIn();
        var answers = new ArrayList<EventAnswer>();

        Count count = StatementCounting.on(() -> answers.add(events.process(till, event)));

        assertThat(answers.getFirst().effect()).isEqualTo("WALK_IN_CREATED");
        assertThat(count.commits()).as(count.toString()).isEqualTo(1);
        assertThat(count.statements()).as(count.toString())
                .hasSizeLessThanOrEqualTo(PER_TRANSACTION - 1 + PER_WALK_IN - 1);
        assertThat(count.statements()).as(count.toString())
                .filteredOn(sql -> sql.contains("pos_event")).hasSize(1); // inserted once, with its answer
    }

    @Test
    void aSingleEventSentAgainGetsTheSameAnswerAndNoSecondEffect() {
        PosEventRequest event = walkIn();
        EventAnswer first = events.process(till, event);
        long reservationsBefore = reservations();
        var again = new ArrayList<EventAnswer>();

        Count count = StatementCounting.on(() -> again.add(events.process(till, event)));

        assertThat(again.getFirst()).isEqualTo(first);
        // The first attempt, refused by its order's unique key (a single walk-in does not look its order up first:
        // a repeat is rare), was rolled back with its effects, the walk-in it had inserted included; the retry looked
        // and found the stored answer.
        assertThat(count.commits()).as(count.toString()).isEqualTo(1);
        assertThat(count.statements()).as(count.toString())
                .last().matches(sql -> sql.contains("from pos_event"));
        assertThat(reservations()).isEqualTo(reservationsBefore);
    }

    @Test
    void aBatchOfTenIsOneCommitAndWritesItsRowsAsBatches() {
        List<PosEventRequest> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(walkIn());
        }
        var answers = new ArrayList<EventAnswer>();

        Count count = StatementCounting.on(() -> answers.addAll(events.processAll(till, batch)));

        assertThat(answers).extracting(EventAnswer::effect).containsOnly("WALK_IN_CREATED").hasSize(10);
        assertThat(count.commits()).as(count.toString()).isEqualTo(1);
        assertThat(count.statements()).as(count.toString())
                .hasSizeLessThanOrEqualTo(PER_TRANSACTION + 10 * PER_WALK_IN);
        for (String once : List.of("from pos_event", "insert into pos_event", "pos_table_sighting", "sync_log",
                "push_delivery_state")) {
            assertThat(count.statements()).as(once + " in " + count)
                    .filteredOn(sql -> sql.contains(once)).hasSize(1);
        }
        for (String remembered : List.of("pos_table_link", "from dining_table", "from partner_connection")) {
            assertThat(count.statements()).as(remembered + " in " + count).noneMatch(sql -> sql.contains(remembered));
        }
    }

    @Test
    void aReplayedBatchGetsTheSameAnswersFromOneQueryAndNoSecondEffect() {
        List<PosEventRequest> batch = List.of(walkIn(), walkIn(), walkIn());
        List<EventAnswer> first = events.processAll(till, batch);
        var again = new ArrayList<EventAnswer>();

        Count count = StatementCounting.on(() -> again.addAll(events.processAll(till, batch)));

        assertThat(again).isEqualTo(first);
        assertThat(count.statements()).as(count.toString()).hasSize(1).allMatch(sql -> sql.contains("from pos_event"));
    }

    @Test
    void anEventRepeatedWithinABatchIsAppliedOnceAndAnsweredTheSame() {
        PosEventRequest event = walkIn();

        List<EventAnswer> answers = events.processAll(till, List.of(event, walkIn(), event));

        assertThat(answers.get(2)).isEqualTo(answers.get(0));
        assertThat(answers.get(0).effect()).isEqualTo("WALK_IN_CREATED");
        assertThat(events.process(till, event)).isEqualTo(answers.get(0));
    }

    private long reservations() {
        return jdbc.queryForObject("select count(*) from reservation where restaurant_id = ?", Long.class,
                till.restaurantId());
    }

    private PosEventRequest walkIn() {
        String json = PosEvents.opened(newId(), Instant.now(), "ord-" + newId(), "T9", 2);
        return events.read(StrictJson.readTree(json.getBytes(StandardCharsets.UTF_8)), "");
    }
}
