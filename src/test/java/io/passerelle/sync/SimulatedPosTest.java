package io.passerelle.sync;

import io.passerelle.PasserelleTest;
import io.passerelle.TestFixtures;
import io.passerelle.connection.ConnectionService;
import io.passerelle.reservation.GuestService;
import io.passerelle.reservation.ReservationService;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the sync engine's tests against a {@link SimulatedPos}: the real application context and MariaDB, and the
 * services a test books, edits and connects with.
 */
@PasserelleTest
@Import(TestFixtures.class)
abstract class SimulatedPosTest {

    /** How long a test waits for the relay to get something to the till (a bound, never a pause). */
    static final Duration FEW_SECONDS = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    ConnectionService connections;

    @Autowired
    ReservationService reservations;

    @Autowired
    GuestService guests;

    @Autowired
    JdbcTemplate jdbc;

    /** A restaurant connected to a till of its own. */
    SimulatedPos startPos() {
        return SimulatedPos.start(fixtures, connections);
    }

    /** A restaurant connected to a till of its own that reports what happens at its tables to this server. */
    SimulatedPos startPosReportingHere() {
        return SimulatedPos.start(fixtures, connections, SimulatedPos.partnerApi(port));
    }
}
