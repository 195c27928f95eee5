package io.passerelle.simulator;

import static io.passerelle.simulator.TestTills.BISTRO;
import static io.passerelle.simulator.TestTills.TRATTORIA;
import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.simulator.FakePasserelle.Answer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests of what the simulator's tills send: before each test, a fake Passerelle and a simulator with the Trattoria
 * and Bistro tills sending to it; stopped after. A test may restart {@link #simulator} with other settings.
 */
abstract class TillsAgainstFakePasserelle {

    FakePasserelle passerelle;
    PosSimulator simulator;
    ControlClient control;

    @BeforeEach
    void start() throws Exception {
        passerelle = FakePasserelle.start();
        simulator = PosSimulator.start(TestTills.settings(passerelle.baseUrl(), TRATTORIA, BISTRO), TestTills.CLOCK);
        control = new ControlClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.stop();
        passerelle.close();
    }

    /** Passerelle answers the trattoria's next pull with these reservations. */
    void pullIntoTrattoria(String... reservations) throws Exception {
        passerelle.answerNext(Answer.of(200,
                "{\"reservations\": [" + String.join(",", reservations) + "], \"nextCursor\": \"c1\"}"));
        HttpResponse<String> pulled = control.post("/control/poll", "{\"installation\": \"trattoria\"}");
        assertThat(pulled.statusCode()).as(pulled.body()).isEqualTo(200);
        assertThat(passerelle.nextCall().path()).isEqualTo("/reservations");
    }
}
