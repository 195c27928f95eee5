package io.passerelle.simulator;

import static io.passerelle.simulator.TestTills.BISTRO;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The till's pay-at-table server: serves the open bill, settles it once per paymentId, and tells Passerelle. */
class PayAtTableTest {

    private FakePasserelle passerelle;
    private PosSimulator simulator;
    private ControlClient control;
    private String billId;

    @BeforeEach
    void seatATableThatOrdered() throws Exception {
        passerelle = FakePasserelle.start();
        simulator = PosSimulator.start(TestTills.settings(passerelle.baseUrl(), BISTRO), TestTills.CLOCK);
        control = new ControlClient(simulator);
        JsonNode walkIn = control.play("walk-in", """
                {"table": "T3", "covers": 2,
                 "items": [{"name": "Steak frites", "quantity": 2}, {"name": "Kir", "quantity": 2}]}""");
        billId = walkIn.path("order").path("billId").asString();
        assertThat(passerelle.nextCall().json().path("type").asString()).isEqualTo("order.opened");
        // a push-style till says when items go to the kitchen: Passerelle fetches the bill then
        JsonNode itemsSent = passerelle.nextCall().json();
        assertThat(itemsSent.path("type").asString()).isEqualTo("order.items_sent");
        assertThat(itemsSent.path("table").asString()).isEqualTo("T3");
        assertThat(itemsSent.path("orderId").asString()).isEqualTo(billId);
    }

    @AfterEach
    void stop() {
        simulator.stop();
        passerelle.close();
    }

    @Test
    void servesTheOpenBillOfATable() throws Exception {
        HttpResponse<String> response = control.get("/installations/bistro-7/tables/T3/bill");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode bill = ControlClient.json(response);
        assertThat(bill.path("billId").asString()).isEqualTo(billId);
        assertThat(bill.path("covers").asInt()).isEqualTo(2);
        assertThat(bill.path("items").size()).isEqualTo(2);
        assertThat(bill.path("total").path("amount").asString()).isEqualTo("56.00");
        assertThat(bill.path("due").path("amount").asString()).isEqualTo("56.00");
        assertThat(bill.path("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void namesTheInstallationBackAndAnswers404ForOneItDoesNotServe() throws Exception {
        HttpResponse<String> response = control.get("/installations/bistro-7");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode installation = ControlClient.json(response);
        assertThat(installation.path("installationId").asString()).isEqualTo("bistro-7");
        assertThat(installation.path("posVersion").asString()).isEqualTo("2.0.16");
        assertThat(control.get("/installations/elsewhere").statusCode()).isEqualTo(404);
    }

    @Test
    void answers404ForATableWithoutAnOpenBill() throws Exception {
        assertThat(control.get("/installations/bistro-7/tables/T4/bill").statusCode()).isEqualTo(404);
        assertThat(control.get("/installations/elsewhere/tables/T3/bill").statusCode()).isEqualTo(404);
    }

    @Test
    void settlesAPaymentOnceEvenWhenItIsSentTwice() throws Exception {
        HttpResponse<String> first = pay("{\"paymentId\": \"pt_1\"}");
        HttpResponse<String> again = pay("{\"paymentId\": \"pt_1\"}");

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode receipt = ControlClient.json(first);
        assertThat(receipt.path("status").asString()).isEqualTo("PAID");
        assertThat(receipt.path("amount").path("amount").asString()).isEqualTo("56.00");
        assertThat(receipt.path("due").path("amount").asString()).isEqualTo("0.00");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());

        JsonNode event = passerelle.nextCall().json();
        assertThat(event.path("type").asString()).isEqualTo("order.paid_at_table");
        assertThat(event.path("paymentId").asString()).isEqualTo("pt_1");
        assertThat(event.path("orderId").asString()).isEqualTo(billId);
        assertThat(event.path("total").path("amount").asString()).isEqualTo("56.00");
        assertThat(passerelle.staysQuietFor(Duration.ofMillis(500))).as("no second paid_at_table").isTrue();
        assertThat(control.state().path("counters").path("paymentsTaken").asLong()).isEqualTo(1);
        assertThat(control.state().path("openOrders").size()).isZero();
    }

    @Test
    void refusesANewPaymentOnASettledBill() throws Exception {
        pay("{\"paymentId\": \"pt_1\"}");

        HttpResponse<String> second = pay("{\"paymentId\": \"pt_2\"}");

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(ControlClient.json(second).path("detail").asString()).contains("already settled");
    }

    @Test
    void takesPartialPaymentsAndSettlesWithTheLast() throws Exception {
        HttpResponse<String> part = pay("{\"paymentId\": \"pt_a\", \"amount\": {\"amount\": \"20.00\", \"currency\": \"EUR\"}}");
        HttpResponse<String> rest = pay("{\"paymentId\": \"pt_b\"}");

        assertThat(ControlClient.json(part).path("status").asString()).isEqualTo("PARTIALLY_PAID");
        assertThat(ControlClient.json(part).path("due").path("amount").asString()).isEqualTo("36.00");
        assertThat(ControlClient.json(rest).path("status").asString()).isEqualTo("PAID");
        assertThat(ControlClient.json(rest).path("amount").path("amount").asString()).isEqualTo("36.00");
        JsonNode event = passerelle.nextCall().json();
        assertThat(event.path("paymentId").asString()).isEqualTo("pt_b");
        assertThat(passerelle.staysQuietFor(Duration.ofMillis(300))).isTrue();
    }

    @Test
    void refusesMoreThanIsDueAnotherCurrencyAndAPaymentWithoutId() throws Exception {
        assertThat(pay("{\"paymentId\": \"pt_1\", \"amount\": {\"amount\": \"60.00\", \"currency\": \"EUR\"}}")
                .statusCode()).isEqualTo(422);
        assertThat(pay("{\"paymentId\": \"pt_2\", \"amount\": {\"amount\": \"10.00\", \"currency\": \"CHF\"}}")
                .statusCode()).isEqualTo(422);
        assertThat(pay("{\"amount\": {\"amount\": \"10.00\", \"currency\": \"EUR\"}}").statusCode()).isEqualTo(400);
        assertThat(control.post("/installations/bistro-7/bills/ord_unknown/payments", "{\"paymentId\": \"pt_3\"}")
                .statusCode()).isEqualTo(404);
        assertThat(control.state().path("openOrders").get(0).path("due").path("amount").asString()).isEqualTo("56.00");
    }

    private HttpResponse<String> pay(String json) throws Exception {
        return control.post("/installations/bistro-7/bills/" + billId + "/payments", json);
    }
}
