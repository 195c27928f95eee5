package io.passerelle.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.PasserelleTest;
import io.passerelle.TestFixtures;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A seating names its dining table by id, as resolved from the POS's table name; an id that belongs to another
 * restaurant never becomes a table of this one, whoever resolved it.
 */
@PasserelleTest
@Import(TestFixtures.class)
class PosOrderServiceTenantTest {

    @Autowired
    TestFixtures fixtures;
    @Autowired
    PosOrderService posOrders;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void aWalkInOnAnotherRestaurantsTableIsSeatedAtNoTable() {
        long here = fixtures.tenant().restaurant().getId();
        long elsewhere = fixtures.tenant().restaurant().getId();
        var book = fixtures.reservationBook();
        DiningTable ownTable = book.table(here, "T1");
        DiningTable foreignTable = book.table(elsewhere, "T1");
        var pos = new DriftSeeds(posOrders, here);
        Instant now = clock.instant();

        long onOwn = pos.walkIn("own-1", ownTable, 2, now);
        var foreign = posOrders.seat(here, DriftSeeds.ANY_CONNECTION, new PosSeating(null, "foreign-1", "T1", foreignTable.getId(), null, 2,
                now));

        assertThat(tableOf(onOwn)).isEqualTo(ownTable.getId());
        assertThat(foreign.effect()).isEqualTo(PosEventOutcome.Effect.WALK_IN_CREATED);
        assertThat(foreign.tableUnmapped()).isTrue();
        assertThat(tableOf(foreign.reservationId())).isNull();
        assertThat(jdbc.queryForObject("select count(*) from reservation where table_id = ?", Long.class,
                foreignTable.getId())).isZero();
    }

    private Long tableOf(long reservationId) {
        return jdbc.queryForObject("select table_id from reservation where id = ?", Long.class, reservationId);
    }
}
