package io.passerelle.simulator;

import static io.passerelle.simulator.TestTills.BISTRO;
import static io.passerelle.simulator.TestTills.NOW;
import static io.passerelle.simulator.TestTills.SIGNING_SECRET;
import static io.passerelle.simulator.TestTills.reservation;
import static io.passerelle.simulator.TestTills.upserted;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** A push-style till receiving Passerelle's webhooks: believes only valid signatures, files the newest version once. */
class WebhookReceiverTest {

    private static final String RESERVATION = reservation("r_8Kq2", 7, "CONFIRMED", "2026-11-23T20:30:00+01:00", "T12");

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
    void filesAValidlySignedReservationInTheTillsBook() throws Exception {
        HttpResponse<String> response = deliver("msg_1", NOW, upserted("1043", RESERVATION));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ControlClient.json(response).path("status").asString()).isEqualTo("filed");
        JsonNode filed = onlyReservation();
        assertThat(filed.path("id").asString()).isEqualTo("r_8Kq2");
        assertThat(filed.path("version").asLong()).isEqualTo(7);
        assertThat(filed.path("table").asString()).isEqualTo("T12");
        assertThat(filed.path("guest").path("lastName").asString()).isEqualTo("Rossi");
        assertThat(filed.path("receivedVia").asString()).isEqualTo("webhook");
        assertThat(control.state().path("counters").path("webhooksReceived").asLong()).isEqualTo(1);
    }

    @Test
    void refusesATamperedBodyWith401AndFilesNothing() throws Exception {
        String signed = upserted("1043", RESERVATION);
        String tampered = signed.replace("\"partySize\": 4", "\"partySize\": 40");
        HttpRequest.Builder request = TestTills.signedWebhook(webhookUrl(), SIGNING_SECRET, "msg_1", NOW, signed)
                .POST(HttpRequest.BodyPublishers.ofString(tampered));

        HttpResponse<String> response = control.send(request);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode state = control.state();
        assertThat(state.path("reservations").size()).isZero();
        assertThat(state.path("counters").path("signaturesRejected").asLong()).isEqualTo(1);
        assertThat(state.path("lastErrors").get(0).path("message").asString()).contains("msg_1", "signature");
    }

    @Test
    void refusesASignatureMadeWithAnotherSecret() throws Exception {
        HttpResponse<String> response = control.send(TestTills.signedWebhook(webhookUrl(), TestTills.OTHER_SECRET,
                "msg_1", NOW, upserted("1043", RESERVATION)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(control.state().path("reservations").size()).isZero();
    }

    @Test
    void refusesAWellSignedMessageOlderThanFiveMinutes() throws Exception {
        assertThat(deliver("msg_old", NOW.minus(Duration.ofMinutes(6)), upserted("1043", RESERVATION)).statusCode())
                .isEqualTo(401);
        assertThat(deliver("msg_recent", NOW.minus(Duration.ofMinutes(4)), upserted("1043", RESERVATION)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void refusesAMessageWithoutSignatureHeaders() throws Exception {
        HttpResponse<String> response = control.post("/webhooks/bistro-7", upserted("1043", RESERVATION));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(ControlClient.json(response).path("detail").asString()).contains("webhook-signature");
    }

    @Test
    void processesAWebhookIdOnceAndAcknowledgesItsRedelivery() throws Exception {
        deliver("msg_1", NOW, upserted("1043", RESERVATION));

        HttpResponse<String> redelivery = deliver("msg_1", NOW,
                upserted("1043", reservation("r_8Kq2", 8, "CONFIRMED", "2026-11-23T21:00:00+01:00", "T12")));

        assertThat(redelivery.statusCode()).isEqualTo(200);
        assertThat(ControlClient.json(redelivery).path("status").asString()).isEqualTo("duplicate");
        assertThat(onlyReservation().path("version").asLong()).isEqualTo(7);
        assertThat(control.state().path("counters").path("webhookDuplicates").asLong()).isEqualTo(1);
    }

    @Test
    void keepsTheNewestVersionWhenAnOlderOneArrivesLate() throws Exception {
        deliver("msg_7", NOW, upserted("1043", RESERVATION));

        HttpResponse<String> late = deliver("msg_6", NOW,
                upserted("1043", reservation("r_8Kq2", 6, "PENDING", "2026-11-23T19:00:00+01:00", "T3")));

        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(ControlClient.json(late).path("status").asString()).isEqualTo("stale");
        JsonNode kept = onlyReservation();
        assertThat(kept.path("version").asLong()).isEqualTo(7);
        assertThat(kept.path("status").asString()).isEqualTo("CONFIRMED");

        deliver("msg_8", NOW, upserted("1043", reservation("r_8Kq2", 8, "CONFIRMED", "2026-11-23T21:00:00+01:00", "T4")));
        assertThat(onlyReservation().path("table").asString()).isEqualTo("T4");
    }

    @Test
    void filesAMissedReservation() throws Exception {
        String missed = "{\"type\": \"reservation.missed\", \"restaurantId\": \"1043\", \"reservation\": "
                + reservation("r_8Kq2", 9, "MISSED", "2026-11-23T20:30:00+01:00", null) + "}";

        assertThat(deliver("msg_9", NOW, missed).statusCode()).isEqualTo(200);
        assertThat(onlyReservation().path("status").asString()).isEqualTo("MISSED");
    }

    @Test
    void warnsOncePerUnknownTableButListsEveryReservationForIt() throws Exception {
        Logger simulatorLog = (Logger) LoggerFactory.getLogger(PosSimulator.class.getPackageName());
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        simulatorLog.addAppender(logged);
        try {
            deliver("msg_1", NOW,
                    upserted("1043", reservation("r_1", 1, "CONFIRMED", "2026-11-23T20:30:00+01:00", "T99")));
            deliver("msg_2", NOW,
                    upserted("1043", reservation("r_2", 1, "CONFIRMED", "2026-11-23T21:00:00+01:00", "T99")));
        } finally {
            simulatorLog.detachAppender(logged);
        }

        assertThat(logged.list)
                .filteredOn(event -> event.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage)
                .singleElement().asString().contains("r_1", "T99", "not on the floor plan");
        assertThat(control.state().path("lastErrors")).extracting(error -> error.path("message").asString())
                .hasSize(2).allMatch(message -> message.contains("T99"));
    }

    @Test
    void answersTheConnectionTestWithItsPosVersion() throws Exception {
        HttpResponse<String> response =
                deliver("msg_test", NOW, "{\"type\": \"connection.test\", \"restaurantId\": \"1043\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ControlClient.json(response).path("posVersion").asString()).isEqualTo("2.0.16");
    }

    @Test
    void refusesAMessageForAnotherRestaurant() throws Exception {
        HttpResponse<String> response = deliver("msg_1", NOW, upserted("9999", RESERVATION));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(control.state().path("reservations").size()).isZero();
    }

    @Test
    void acknowledgesAMessageTypeItDoesNotKnowYet() throws Exception {
        HttpResponse<String> response = deliver("msg_new", NOW, "{\"type\": \"guest.updated\", \"restaurantId\": 1043}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ControlClient.json(response).path("status").asString()).isEqualTo("ignored");
    }

    @Test
    void answers404ForAnInstallationItDoesNotServe() throws Exception {
        HttpRequest.Builder request = TestTills.signedWebhook(simulator.baseUrl().resolve("/webhooks/elsewhere"),
                SIGNING_SECRET, "msg_1", NOW, upserted("1043", RESERVATION));

        assertThat(control.send(request).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> deliver(String webhookId, Instant sentAt, String body)
            throws IOException, InterruptedException {
        return control.send(TestTills.signedWebhook(webhookUrl(), SIGNING_SECRET, webhookId, sentAt, body));
    }

    private java.net.URI webhookUrl() {
        return simulator.webhookUrl("bistro-7");
    }

    private JsonNode onlyReservation() throws IOException, InterruptedException {
        JsonNode reservations = control.state().path("reservations");
        assertThat(reservations.size()).isEqualTo(1);
        return reservations.get(0);
    }
}
