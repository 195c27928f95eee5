package io.passerelle.partner.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.partner.CallFailure;
import io.passerelle.partner.FakePos;
import io.passerelle.partner.PartnerSettings;
import io.passerelle.partner.PosVersion;
import io.passerelle.partner.PushDeliveryOutcome;
import io.passerelle.partner.PushTarget;
import io.passerelle.partner.StandardWebhookSigner;
import io.passerelle.partner.WebhookUrl;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The real Feign client against a POS played on 127.0.0.1, with timeouts short enough for a test. */
class PosWebhookClientTest {

    private static final Instant NOW = Instant.parse("2026-11-23T19:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final PartnerSettings DEVELOPMENT = new PartnerSettings(Duration.ofSeconds(2), Duration.ofMillis(500),
            true, false);

    private final FakePos pos = FakePos.start();
    private final String secret = StandardWebhookSigner.newSecret();
    private final PosWebhookClient client = client(DEVELOPMENT);

    @AfterEach
    void stopPos() {
        pos.close();
    }

    @Test
    void sendsASignedConnectionTestAndReadsTheVersion() {
        pos.answers(200, "{\"posVersion\":\"2.0.16\"}");

        PushDeliveryOutcome outcome = client.testConnection(target(pos.url()));

        assertThat(outcome).isEqualTo(PushDeliveryOutcome.delivered(200, PosVersion.parse("2.0.16")));
        var request = pos.last();
        assertThat(request.bodyText()).contains("\"type\":\"connection.test\"").contains("\"restaurantId\":482913");
        assertThat(request.headers()).containsEntry("content-type", "application/json")
                .containsEntry("webhook-timestamp", Long.toString(NOW.getEpochSecond()))
                .doesNotContainKey("authorization");
        assertThat(request.headers().get("webhook-id")).startsWith("msg_");
        assertThat(StandardWebhookSigner.verify(request.headers().get("webhook-id"), NOW.getEpochSecond(), request.body(),
                secret, request.headers().get("webhook-signature"))).isTrue();
    }

    @Test
    void deliversTheGivenBytesUnderTheGivenIdExactlyOnce() {
        byte[] body = "{\"type\":\"reservation.upserted\"}".getBytes(StandardCharsets.UTF_8);
        pos.answers(503, "", Map.of("Retry-After", "30"));

        var outcome = client.deliver(target(pos.url()), "msg_r8Kq2_v7", body);

        assertThat(outcome.failure()).isEqualTo(CallFailure.TEMPORARY_ERROR);
        assertThat(outcome.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        // no retry here: retries belong to the sync engine
        assertThat(pos.received()).hasSize(1);
        assertThat(pos.last().body()).isEqualTo(body);
        assertThat(pos.last().headers()).containsEntry("webhook-id", "msg_r8Kq2_v7");
    }

    @Test
    void refusedCredentialsAndUnknownRestaurant() {
        pos.answers(401, "{\"title\":\"bad signature\"}");
        assertThat(client.testConnection(target(pos.url())).failure()).isEqualTo(CallFailure.BAD_TOKEN);

        pos.answers(404, "");
        assertThat(client.testConnection(target(pos.url())).failure()).isEqualTo(CallFailure.UNKNOWN_RESTAURANT);
    }

    @Test
    void nobodyListeningIsUnreachable() {
        assertThat(client.testConnection(target(FakePos.nobodyListening())).failure()).isEqualTo(CallFailure.UNREACHABLE);
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutTimesOut() {
        pos.answers(200, "{}").answersAfter(Duration.ofSeconds(3));
        long started = System.nanoTime();

        var outcome = client.testConnection(target(pos.url()));

        assertThat(outcome.failure()).isEqualTo(CallFailure.TIMED_OUT);
        assertThat(outcome.retryable()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void redirectsAreNotFollowed() {
        pos.answers(307, "", Map.of("Location", "http://127.0.0.1:1/elsewhere"));

        assertThat(client.testConnection(target(pos.url())).failure()).isEqualTo(CallFailure.REJECTED);
        assertThat(pos.received()).hasSize(1);
    }

    @Test
    void anAddressRefusedByTheCurrentPolicyIsNeverCalled() {
        var production = client(new PartnerSettings(Duration.ofSeconds(2), Duration.ofMillis(500), false, false));

        assertThat(production.testConnection(target(pos.url())).failure()).isEqualTo(CallFailure.ADDRESS_REFUSED);
        assertThat(pos.received()).isEmpty();
    }

    private PushTarget target(String url) {
        return new PushTarget(WebhookUrl.parse(url, DEVELOPMENT.webhookUrlPolicy(), "webhookUrl"), secret, 482913);
    }

    private static PosWebhookClient client(PartnerSettings settings) {
        return new PosWebhookClient(settings, new StandardWebhookSigner(CLOCK), JsonMapper.builder().build(), CLOCK);
    }
}
