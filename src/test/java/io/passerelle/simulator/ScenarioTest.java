package io.passerelle.simulator;

import static io.passerelle.simulator.TestTills.NOW;
import static io.passerelle.simulator.TestTills.SIGNING_SECRET;
import static io.passerelle.simulator.TestTills.reservation;
import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.simulator.FakePasserelle.Answer;
import io.passerelle.simulator.FakePasserelle.Call;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What a waiter does at the till, on command and at random, and what Passerelle hears of it. */
class ScenarioTest extends TillsAgainstFakePasserelle {

    private static final String DUE_NOW = "2026-11-23T20:30:00+01:00";

    @Test
    void aPullStyleTillSeatsAKnownReservationByAttachingItToANewOrder() throws Exception {
        pullIntoTrattoria(reservation("r_1", 3, "CONFIRMED", DUE_NOW, null));

        JsonNode seated = control.play("seat", "{\"installation\": \"trattoria\", \"reservationId\": \"r_1\"}");

        JsonNode order = seated.path("order");
        assertThat(order.path("covers").asInt()).as("the party size").isEqualTo(4);
        assertThat(order.path("reservationId").asString()).isEqualTo("r_1");
        JsonNode event = passerelle.nextCall().json();
        assertThat(event.path("type").asString()).isEqualTo("reservation.attached");
        assertThat(event.path("eventId").asString()).isEqualTo(seated.path("events").get(0).path("eventId").asString());
        assertThat(event.path("reservationId").asString()).isEqualTo("r_1");
        assertThat(event.path("orderId").asString()).isEqualTo(order.path("orderId").asString());
        assertThat(event.path("table").asString()).isEqualTo(order.path("table").asString());
        assertThat(event.path("occurredAt").asString()).isEqualTo("2026-11-23T20:30:00+01:00");
    }

    @Test
    void refusesToSeatAReservationTheTillDoesNotKnowOrHasSeatedAlready() throws Exception {
        HttpResponse<String> unknown =
                control.post("/control/scenarios/seat", "{\"installation\": \"trattoria\", \"reservationId\": \"r_x\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);

        pullIntoTrattoria(reservation("r_1", 3, "CONFIRMED", DUE_NOW, null));
        control.play("seat", "{\"installation\": \"trattoria\", \"reservationId\": \"r_1\"}");
        passerelle.nextCall();
        HttpResponse<String> again =
                control.post("/control/scenarios/seat", "{\"installation\": \"trattoria\", \"reservationId\": \"r_1\"}");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(passerelle.staysQuietFor(Duration.ofMillis(300))).isTrue();
    }

    @Test
    void aPushStyleTillSeatsAReservationByOpeningAnOrderWithItsReservationId() throws Exception {
        pushToBistro(reservation("r_2", 1, "CONFIRMED", DUE_NOW, null));

        JsonNode seated = control.play("seat", "{\"installation\": \"bistro-7\", \"reservationId\": \"r_2\"}");

        JsonNode order = seated.path("order");
        Call call = passerelle.nextCall();
        assertThat(call.header("Authorization")).isEqualTo("Bearer tok_bistro");
        JsonNode event = call.json();
        assertThat(event.path("type").asString()).as("the catalogue's push partner sends no reservation.attached")
                .isEqualTo("order.opened");
        assertThat(event.path("eventId").asString()).isEqualTo(seated.path("events").get(0).path("eventId").asString());
        assertThat(event.path("reservationId").asString()).isEqualTo("r_2");
        assertThat(event.path("orderId").asString()).isEqualTo(order.path("orderId").asString());
        assertThat(event.path("table").asString()).isEqualTo(order.path("table").asString());
        assertThat(event.path("covers").asInt()).as("the party size").isEqualTo(4);
    }

    @Test
    void aPushedReservationIsSeatedAtTheTableItWasGiven() throws Exception {
        pushToBistro(reservation("r_2", 1, "CONFIRMED", DUE_NOW, "T7"));

        JsonNode seated = control.play("seat", "{\"installation\": \"bistro-7\", \"reservationId\": \"r_2\"}");

        assertThat(seated.path("order").path("table").asString()).isEqualTo("T7");
        assertThat(passerelle.nextCall().json().path("table").asString()).isEqualTo("T7");
    }

    @Test
    void closingASeatedReservationsBillReportsItWithAPlausibleMeal() throws Exception {
        pullIntoTrattoria(reservation("r_1", 3, "CONFIRMED", DUE_NOW, null));
        control.play("seat", "{\"installation\": \"trattoria\", \"reservationId\": \"r_1\", \"table\": \"T9\"}");

        JsonNode closed = control.play("close", "{\"installation\": \"trattoria\", \"reservationId\": \"r_1\"}");

        passerelle.nextCall();
        JsonNode event = passerelle.nextCall().json();
        assertThat(event.path("type").asString()).isEqualTo("order.closed");
        assertThat(event.path("reservationId").asString()).isEqualTo("r_1");
        assertThat(event.path("covers").asInt()).isEqualTo(4);
        assertThat(event.path("items").size()).as("a main course each at least").isPositive();
        assertThat(event.path("total").path("amount").asString())
                .isEqualTo(closed.path("order").path("total").path("amount").asString());
        assertThat(control.state().path("openOrders").size()).isZero();
    }

    @Test
    void paysAtTableThroughTheScenario() throws Exception {
        control.play("walk-in", "{\"installation\": \"bistro-7\", \"table\": \"T1\", \"covers\": 2}");

        JsonNode paid = control.play("pay-at-table", "{\"installation\": \"bistro-7\", \"table\": \"T1\"}");

        passerelle.nextCall();
        JsonNode event = passerelle.nextCall().json();
        assertThat(event.path("type").asString()).isEqualTo("order.paid_at_table");
        assertThat(event.path("paymentId").asString()).isEqualTo(paid.path("paymentId").asString());
        assertThat(paid.path("order").path("status").asString()).isEqualTo("PAID");
    }

    @Test
    void refusesAWalkInOnATakenTableOrOneNotOnTheFloorPlan() throws Exception {
        control.play("walk-in", "{\"installation\": \"bistro-7\", \"table\": \"T1\"}");

        assertThat(control.post("/control/scenarios/walk-in", "{\"installation\": \"bistro-7\", \"table\": \"T1\"}")
                .statusCode()).isEqualTo(409);
        assertThat(control.post("/control/scenarios/walk-in", "{\"installation\": \"bistro-7\", \"table\": \"T99\"}")
                .statusCode()).isEqualTo(404);
        assertThat(control.post("/control/scenarios/dance", "{\"installation\": \"bistro-7\"}").statusCode())
                .isEqualTo(404);
        assertThat(control.post("/control/scenarios/walk-in", "{}").statusCode())
                .as("two installations: say which").isEqualTo(400);
    }

    @Test
    void aPullStyleTillRefusesAWalkInWith409AndSendsNothing() throws Exception {
        HttpResponse<String> refused =
                control.post("/control/scenarios/walk-in", "{\"installation\": \"trattoria\", \"table\": \"T1\"}");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(ControlClient.json(refused).path("detail").asString())
                .isEqualTo("trattoria is a pull-style installation: it does not send walk-ins");
        assertThat(control.state().path("openOrders").size()).isZero();
        assertThat(passerelle.staysQuietFor(Duration.ofMillis(300))).isTrue();
    }

    @Test
    void theRandomPlayerSeatsConfirmedReservationsDueNowAndNeverOthers() throws Exception {
        pullIntoTrattoria(reservation("r_due", 1, "CONFIRMED", DUE_NOW, null),
                reservation("r_pending", 1, "PENDING", DUE_NOW, null),
                reservation("r_tomorrow", 1, "CONFIRMED", "2026-11-24T20:30:00+01:00", null));

        control.post("/control/faults", "{\"scenariosPerMinute\": 1200}");

        Set<String> types = new HashSet<>();
        Set<String> seated = new HashSet<>();
        Set<String> walkInsBy = new HashSet<>();
        while (!seated.contains("r_due") || types.size() < 3) {
            Call call = passerelle.nextCall();
            JsonNode event = call.json();
            types.add(event.path("type").asString());
            if (event.path("type").asString().equals("reservation.attached")) {
                seated.add(event.path("reservationId").asString());
            } else if (event.path("type").asString().equals("order.opened")) {
                walkInsBy.add(call.header("X-Restaurant-Id"));
            }
        }
        control.post("/control/faults", "{\"scenariosPerMinute\": 0}");
        assertThat(seated).containsExactly("r_due");
        assertThat(types).isSubsetOf("reservation.attached", "order.opened", "order.closed", "order.paid_at_table");
        assertThat(walkInsBy).as("walk-ins come from the push-style bistro only").isSubsetOf("1043");
        assertThat(control.state().path("counters").path("randomScenariosPlayed").asLong()).isPositive();
    }

    /** Passerelle pushes this reservation to the bistro. */
    private void pushToBistro(String reservation) throws Exception {
        String body = TestTills.upserted("1043", reservation);
        control.send(TestTills.signedWebhook(simulator.webhookUrl("bistro-7"), SIGNING_SECRET, "msg_1", NOW, body));
    }
}
