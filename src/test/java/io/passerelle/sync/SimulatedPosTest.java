package io.passerelle.sync;

import io.passerelle.AppServerTest;
import java.time.Duration;

/**
 * Base of the sync engine's tests against a {@link SimulatedPos}: a till of its own for each restaurant a test
 * connects.
 */
abstract class SimulatedPosTest extends AppServerTest {

    /** How long a test waits for the relay to get something to the till (a bound, never a pause). */
    static final Duration FEW_SECONDS = Duration.ofSeconds(15);

    /** A restaurant connected to a till of its own. */
    SimulatedPos startPos() {
        return SimulatedPos.start(fixtures, connections);
    }

    /** A restaurant connected to a till of its own that reports what happens at its tables to this server. */
    SimulatedPos startPosReportingHere() {
        return SimulatedPos.start(fixtures, connections, SimulatedPos.partnerApi(port));
    }
}
