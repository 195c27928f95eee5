package io.passerelle.simulator;

import static io.passerelle.simulator.TestTills.BISTRO;
import static io.passerelle.simulator.TestTills.NOW;
import static io.passerelle.simulator.TestTills.SIGNING_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The knobs make the till misbehave towards Passerelle, while the control API keeps answering. */
class FaultKnobsTest {

    private static final String CONNECTION_TEST = "{\"type\": \"connection.test\", \"restaurantId\": \"1043\"}";

    private PosSimulator simulator;
    private ControlClient control;

    @BeforeEach
    void startTill() {
        simulator = PosSimulator.start(TestTills.settings(BISTRO), TestTills.CLOCK);
        control = new ControlClient(simulator);
    }

    @AfterEach
    void stopTill() {
        simulator.stop();
    }

    @Test
    void anErrorRateOfOneAnswersEveryCallWith500() throws Exception {
        turn("{\"errorRate\": 1.0}");

        HttpResponse<String> webhook = connectionTest();
        HttpResponse<String> bill = control.get("/installations/bistro-7/tables/T1/bill");

        assertThat(webhook.statusCode()).isEqualTo(500);
        assertThat(webhook.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(bill.statusCode()).isEqualTo(500);
        assertThat(control.get("/control/state").statusCode()).isEqualTo(200);
        assertThat(control.state().path("counters").path("webhooksReceived").asLong())
                .as("the failure came before the till looked at the message").isZero();
    }

    @Test
    void a429SaysWhenToComeBack() throws Exception {
        turn("{\"errorRate\": 1.0, \"errorStatus\": 429, \"retryAfterSeconds\": 7}");

        HttpResponse<String> response = connectionTest();

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
    }

    @Test
    void answersAsAskedAgainOnceTheErrorRateIsBackToZero() throws Exception {
        turn("{\"errorRate\": 1.0, \"errorStatus\": 410}");
        assertThat(connectionTest().statusCode()).isEqualTo(410);

        turn("{\"errorRate\": 0}");

        assertThat(connectionTest().statusCode()).isEqualTo(200);
    }

    @Test
    void refusingConnectionsDropsThemWithoutAnAnswer() throws Exception {
        turn("{\"refuseConnections\": true}");

        assertThatThrownBy(this::connectionTest).isInstanceOf(IOException.class);

        turn("{\"refuseConnections\": false}");
        assertThat(connectionTest().statusCode()).isEqualTo(200);
    }

    @Test
    void aTimeoutHangsLongerThanTheCallerWaits() throws Exception {
        turn("{\"timeoutRate\": 1.0, \"timeoutMs\": 10000}");
        HttpClient impatient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = TestTills.signedWebhook(simulator.webhookUrl("bistro-7"), SIGNING_SECRET, "msg_t", NOW,
                CONNECTION_TEST).timeout(Duration.ofMillis(300)).build();

        assertThatThrownBy(() -> impatient.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void latencyDelaysEveryAnswer() throws Exception {
        turn("{\"latencyMs\": 300}");

        long started = System.nanoTime();
        assertThat(connectionTest().statusCode()).isEqualTo(200);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void refusesAnUnknownKnobOrAnImpossibleValue() throws Exception {
        assertThat(control.post("/control/faults", "{\"errorRaet\": 1}").statusCode()).isEqualTo(400);
        HttpResponse<String> impossible = control.post("/control/faults", "{\"errorRate\": 1.5}");

        assertThat(impossible.statusCode()).isEqualTo(400);
        assertThat(ControlClient.json(impossible).path("detail").asString()).contains("errorRate");
        assertThat(control.state().path("knobs").path("errorRate").asDouble()).isZero();
    }

    private void turn(String knobs) throws Exception {
        HttpResponse<String> response = control.post("/control/faults", knobs);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private HttpResponse<String> connectionTest() throws IOException, InterruptedException {
        return control.send(TestTills.signedWebhook(simulator.webhookUrl("bistro-7"), SIGNING_SECRET,
                "msg_" + System.nanoTime(), NOW, CONNECTION_TEST));
    }
}
