package io.passerelle;

import io.passerelle.connection.ConnectionService;
import io.passerelle.reservation.GuestService;
import io.passerelle.reservation.ReservationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the tests that talk to the running application over HTTP (the partner API, a simulated till): the real
 * context and MariaDB, the port it listens on, and the services a test books, edits and connects with.
 */
@PasserelleTest
@Import(TestFixtures.class)
public abstract class AppServerTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestFixtures fixtures;

    @Autowired
    protected ConnectionService connections;

    @Autowired
    protected ReservationService reservations;

    @Autowired
    protected GuestService guests;

    @Autowired
    protected JdbcTemplate jdbc;
}
