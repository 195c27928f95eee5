package io.passerelle.simulator;

import static io.passerelle.simulator.TestTills.TRATTORIA;
import static io.passerelle.simulator.TestTills.reservation;
import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.simulator.FakePasserelle.Answer;
import io.passerelle.simulator.FakePasserelle.Call;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The calls a till makes to Passerelle besides events: pulling reservations, sending its tables, testing credentials. */
class PullAndTablesTest extends TillsAgainstFakePasserelle {

    @Test
    void pullsYesterdayToAWeekAheadWithHttpBasicAndKeepsTheCursor() throws Exception {
        passerelle.answerNext(page("c1", reservation("r_1", 1, "CONFIRMED", "2026-11-23T20:30:00+01:00", null)),
                page("c2", reservation("r_1", 2, "CONFIRMED", "2026-11-23T21:00:00+01:00", null)));

        JsonNode first = ControlClient.json(poll());
        Call firstCall = passerelle.nextCall();
        JsonNode second = ControlClient.json(poll());
        Call secondCall = passerelle.nextCall();

        assertThat(firstCall.method()).isEqualTo("GET");
        assertThat(firstCall.path()).isEqualTo("/reservations");
        assertThat(firstCall.query()).isEqualTo("from=2026-11-22&to=2026-11-30&limit=200");
        assertThat(firstCall.header("Authorization")).startsWith("Basic ");
        assertThat(secondCall.query()).endsWith("&cursor=c1");
        assertThat(first.path("filed").asInt()).isEqualTo(1);
        assertThat(second.path("cursor").asString()).isEqualTo("c2");
        JsonNode state = control.state();
        assertThat(state.path("reservations").get(0).path("version").asLong()).isEqualTo(2);
        assertThat(state.path("reservations").get(0).path("receivedVia").asString()).isEqualTo("pull");
        assertThat(state.path("installations").get(0).path("pullCursor").asString()).isEqualTo("c2");
    }

    @Test
    void ignoresAnOlderVersionPulledAfterANewerOne() throws Exception {
        passerelle.answerNext(page("c1", reservation("r_1", 5, "CONFIRMED", "2026-11-23T20:30:00+01:00", null)),
                page("c2", reservation("r_1", 4, "PENDING", "2026-11-23T20:30:00+01:00", null)));

        poll();
        JsonNode late = ControlClient.json(poll());

        assertThat(late.path("received").asInt()).isEqualTo(1);
        assertThat(late.path("filed").asInt()).isZero();
        assertThat(control.state().path("reservations").get(0).path("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void reportsAPullPasserelleRefuses() throws Exception {
        passerelle.answerNext(Answer.of(401, "{\"title\": \"Unauthorized\", \"detail\": \"bad API key\"}"));

        HttpResponse<String> response = poll();

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(ControlClient.json(response).path("detail").asString()).contains("401", "bad API key");
        assertThat(control.state().path("lastErrors").get(0).path("message").asString()).contains("bad API key");
    }

    @Test
    void pullsOnItsOwnAtTheConfiguredInterval() throws Exception {
        simulator.stop();
        simulator = PosSimulator.start(TestTills.settings(passerelle.baseUrl(), TRATTORIA)
                .withPollInterval(Duration.ofMillis(200)), TestTills.CLOCK);
        passerelle.answerAlways(page("c1"));

        assertThat(passerelle.nextCall().path()).isEqualTo("/reservations");
        // a later poll passes the cursor back; on a loaded machine a poll whose answer came too late is asked again
        // without it first
        boolean cursorPassedBack = false;
        for (int poll = 0; poll < 5 && !cursorPassedBack; poll++) {
            cursorPassedBack = passerelle.nextCall().query().contains("cursor=c1");
        }
        assertThat(cursorPassedBack).as("one of the next polls passes the cursor back").isTrue();
    }

    @Test
    void aPushStyleTillIsNotPulledFor() throws Exception {
        assertThat(control.post("/control/poll", "{\"installation\": \"bistro-7\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void sendsItsTableNamesToPasserelle() throws Exception {
        HttpResponse<String> response = control.post("/control/tables", "{\"installation\": \"bistro-7\"}");

        Call call = passerelle.nextCall();
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(call.method()).isEqualTo("PUT");
        assertThat(call.path()).isEqualTo("/tables");
        assertThat(call.header("Authorization")).isEqualTo("Bearer tok_bistro");
        List<String> tables = call.json().path("tables").valueStream().map(JsonNode::asString).toList();
        assertThat(tables).containsExactly("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12");
    }

    @Test
    void testsItsCredentialsWithAPing() throws Exception {
        passerelle.answerNext(Answer.of(422, "{\"title\": \"Unprocessable\", \"detail\": \"POS 2.0.16 is below 3.0\"}"));

        HttpResponse<String> response = control.post("/control/ping", "{\"installation\": \"bistro-7\"}");

        Call call = passerelle.nextCall();
        assertThat(call.path()).isEqualTo("/ping");
        assertThat(call.header("X-Pos-Version")).isEqualTo("2.0.16");
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(ControlClient.json(response).path("passerelleStatus").asInt()).isEqualTo(422);
        assertThat(ControlClient.json(response).path("passerelleAnswer").asString()).contains("below 3.0");
    }

    private HttpResponse<String> poll() throws Exception {
        return control.post("/control/poll", "{\"installation\": \"trattoria\"}");
    }

    private static Answer page(String nextCursor, String... reservations) {
        return Answer.of(200, "{\"reservations\": [" + String.join(",", reservations) + "], \"nextCursor\": \""
                + nextCursor + "\"}");
    }
}
