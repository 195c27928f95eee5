package io.passerelle.simulator;

import static io.passerelle.simulator.TestTills.BISTRO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.passerelle.simulator.FakePasserelle.Answer;
import io.passerelle.simulator.FakePasserelle.Call;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** How the till tells Passerelle what happened: protocol shapes, credentials, retries, and deliberate misbehaviour. */
class EventDeliveryTest extends TillsAgainstFakePasserelle {

    @Test
    void aPushStyleTillSendsAWalkInWithItsTokenAndRestaurantId() throws Exception {
        control.play("walk-in", "{\"installation\": \"bistro-7\", \"table\": \"T5\", \"covers\": 3}");

        Call call = passerelle.nextCall();

        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/events");
        assertThat(call.header("Authorization")).isEqualTo("Bearer tok_bistro");
        assertThat(call.header("X-Restaurant-Id")).isEqualTo("1043");
        assertThat(call.header("Content-Type")).isEqualTo("application/json");
        assertThat(call.header("X-Pos-Version")).isEqualTo("2.0.16");
        JsonNode event = call.json();
        assertThat(fieldNames(event)).as("a walk-in has no reservationId")
                .containsExactly("type", "eventId", "occurredAt", "orderId", "table", "covers");
        assertThat(event.path("type").asString()).isEqualTo("order.opened");
        assertThat(UUID.fromString(event.path("eventId").asString())).isNotNull();
        assertThat(event.path("occurredAt").asString()).isEqualTo("2026-11-23T20:30:00+01:00");
        assertThat(event.path("table").asString()).isEqualTo("T5");
        assertThat(event.path("covers").asInt()).isEqualTo(3);
    }

    @Test
    void aPullStyleTillSendsASeatingWithHttpBasic() throws Exception {
        pullIntoTrattoria(TestTills.reservation("r_1", 1, "CONFIRMED", "2026-11-23T20:30:00+01:00", null));
        control.play("seat", "{\"installation\": \"trattoria\", \"reservationId\": \"r_1\", \"table\": \"T5\"}");

        Call call = passerelle.nextCall();

        assertThat(call.path()).isEqualTo("/events");
        String credentials = "1042:pk_test_trattoria";
        assertThat(call.header("Authorization")).isEqualTo(
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        assertThat(call.header("X-Restaurant-Id")).isNull();
        assertThat(call.header("X-Pos-Version")).isEqualTo("5.1.0");
        assertThat(fieldNames(call.json()))
                .containsExactly("type", "eventId", "occurredAt", "reservationId", "orderId", "table");
    }

    @Test
    void aClosedBillCarriesItsItemsCoversAndTotalAsDecimalStrings() throws Exception {
        pullIntoTrattoria(TestTills.reservation("r_1", 1, "CONFIRMED", "2026-11-23T20:30:00+01:00", null));
        JsonNode seated = control.play("seat",
                "{\"installation\": \"trattoria\", \"reservationId\": \"r_1\", \"table\": \"T2\", \"covers\": 2}");
        control.play("close", """
                {"installation": "trattoria", "table": "T2",
                 "items": [{"name": "Pizza Margherita", "quantity": 2}, {"name": "Calice di Chianti", "quantity": 2},
                           {"name": "Limoncello della casa", "unitPrice": "4.5"}]}""");

        passerelle.nextCall();
        JsonNode closed = passerelle.nextCall().json();

        assertThat(closed.path("type").asString()).isEqualTo("order.closed");
        assertThat(closed.path("orderId").asString()).isEqualTo(seated.path("order").path("orderId").asString());
        assertThat(closed.path("reservationId").asString()).isEqualTo("r_1");
        assertThat(closed.path("covers").asInt()).isEqualTo(2);
        assertThat(closed.path("total").path("amount").isString()).isTrue();
        assertThat(closed.path("total").path("amount").asString()).isEqualTo("34.50");
        assertThat(closed.path("total").path("currency").asString()).isEqualTo("EUR");
        JsonNode pizza = closed.path("items").get(0);
        assertThat(pizza.path("name").asString()).isEqualTo("Pizza Margherita");
        assertThat(pizza.path("quantity").asInt()).isEqualTo(2);
        assertThat(pizza.path("unitPrice").path("amount").asString()).isEqualTo("9.00");
        assertThat(closed.path("items").get(2).path("unitPrice").path("amount").asString()).isEqualTo("4.50");
    }

    @Test
    void retriesA503WithTheSameEventIdAndBody() throws Exception {
        passerelle.answerNext(Answer.of(503, "{\"title\": \"Service Unavailable\"}"), Answer.of(502, ""));

        String eventId = playWalkIn();

        List<Call> calls = List.of(passerelle.nextCall(), passerelle.nextCall(), passerelle.nextCall());
        assertThat(calls).extracting(Call::body).containsOnly(calls.getFirst().body());
        assertThat(calls.getFirst().json().path("eventId").asString()).isEqualTo(eventId);
        awaitEventStatus(eventId, "DELIVERED");
        assertThat(recentEvent(eventId).path("attempts").asInt()).isEqualTo(3);
    }

    @Test
    void waitsAsARateLimitSaysThenSendsAgain() throws Exception {
        passerelle.answerNext(Answer.of(429, "{\"title\": \"Too Many Requests\"}").withHeader("Retry-After", "1"));

        String eventId = playWalkIn();

        Call limited = passerelle.nextCall();
        long limitedAt = System.nanoTime();
        Call retried = passerelle.nextCall();
        assertThat(Duration.ofNanos(System.nanoTime() - limitedAt)).isGreaterThan(Duration.ofMillis(800));
        assertThat(retried.body()).isEqualTo(limited.body());
        awaitEventStatus(eventId, "DELIVERED");
    }

    @Test
    void retriesWhenPasserelleDoesNotAnswerInTime() throws Exception {
        simulator.stop();
        simulator = PosSimulator.start(TestTills.settings(passerelle.baseUrl(), BISTRO).withRequestTimeout(
                Duration.ofMillis(300)), TestTills.CLOCK);
        control = new ControlClient(simulator);
        passerelle.answerNext(Answer.accepted().after(Duration.ofSeconds(2)));

        String eventId = playWalkIn();

        assertThat(passerelle.nextCall().body()).contains(eventId);
        assertThat(passerelle.nextCall().body()).contains(eventId);
        awaitEventStatus(eventId, "DELIVERED");
    }

    @Test
    void doesNotRetryAnEventPasserelleRefuses() throws Exception {
        passerelle.answerNext(Answer.of(409, """
                {"type": "about:blank", "title": "Conflict", "status": 409,
                 "detail": "reservation r_1 is not confirmed"}"""));

        String eventId = playWalkIn();

        passerelle.nextCall();
        awaitEventStatus(eventId, "REJECTED");
        assertThat(passerelle.staysQuietFor(Duration.ofMillis(300))).isTrue();
        JsonNode state = control.state();
        assertThat(recentEvent(eventId).path("httpStatus").asInt()).isEqualTo(409);
        assertThat(state.path("lastErrors").get(0).path("message").asString()).contains("r_1 is not confirmed");
        assertThat(state.path("counters").path("eventsRejected").asLong()).isEqualTo(1);
    }

    @Test
    void givesUpAfterTheLastAttempt() throws Exception {
        passerelle.answerAlways(Answer.of(500, ""));

        String eventId = playWalkIn();

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(passerelle.nextCall().body()).contains(eventId);
        }
        awaitEventStatus(eventId, "FAILED");
        assertThat(passerelle.staysQuietFor(Duration.ofMillis(300))).isTrue();
    }

    @Test
    void theDuplicateKnobDeliversAnEventTwiceWithTheSameId() throws Exception {
        control.post("/control/faults", "{\"duplicateRate\": 1.0}");

        String eventId = playWalkIn();

        assertThat(passerelle.nextCall().body()).contains(eventId);
        assertThat(passerelle.nextCall().body()).contains(eventId);
        awaitEventStatus(eventId, "DELIVERED");
        await().untilAsserted(() -> assertThat(recentEvent(eventId).path("deliveries").asInt()).isEqualTo(2));
    }

    @Test
    void theOutOfOrderKnobLetsALaterEventOvertakeAnEarlierOne() throws Exception {
        control.post("/control/faults", "{\"outOfOrder\": true}");

        control.play("walk-in", "{\"installation\": \"bistro-7\", \"table\": \"T1\"}");
        control.play("close", "{\"installation\": \"bistro-7\", \"table\": \"T1\"}");

        List<String> types = new ArrayList<>();
        types.add(passerelle.nextCall().json().path("type").asString());
        types.add(passerelle.nextCall().json().path("type").asString());
        assertThat(types).containsExactly("order.closed", "order.opened");
    }

    private String playWalkIn() throws Exception {
        return control.play("walk-in", "{\"installation\": \"bistro-7\"}").path("events").get(0).path("eventId")
                .asString();
    }

    private void awaitEventStatus(String eventId, String status) {
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(recentEvent(eventId).path("status").asString()).isEqualTo(status));
    }

    private JsonNode recentEvent(String eventId) throws Exception {
        for (JsonNode event : control.state().path("recentEvents")) {
            if (event.path("eventId").asString().equals(eventId)) {
                return event;
            }
        }
        throw new AssertionError("event " + eventId + " is not in the state");
    }

    private static List<String> fieldNames(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }
}
