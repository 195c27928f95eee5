package io.passerelle.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class StandardWebhookSignerTest {

    private static final Instant NOW = Instant.parse("2026-11-23T19:30:00Z");
    private final StandardWebhookSigner signer = new StandardWebhookSigner(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void matchesThePublishedStandardWebhooksExample() {
        // the example of the Standard Webhooks reference libraries
        String signature = StandardWebhookSigner.signature("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8), "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void signsIdTimestampAndBodyWithTheDecodedSecretAtTheClocksTime() throws Exception {
        String secret = StandardWebhookSigner.newSecret();
        byte[] body = "{\"type\":\"connection.test\",\"restaurantId\":482913}".getBytes(StandardCharsets.UTF_8);

        var headers = signer.sign("msg_1", body, secret);

        // computed independently: HMAC-SHA256 over "id.timestamp.body", keyed with the bytes after whsec_
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
        byte[] expected = mac.doFinal(("msg_1." + NOW.getEpochSecond() + "." + new String(body, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(headers).containsEntry("webhook-id", "msg_1")
                .containsEntry("webhook-timestamp", Long.toString(NOW.getEpochSecond()))
                .containsEntry("webhook-signature", "v1," + Base64.getEncoder().encodeToString(expected));
    }

    @Test
    void verifiesOwnSignaturesAndRefusesAlteredOnes() {
        String secret = StandardWebhookSigner.newSecret();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String signature = StandardWebhookSigner.signature("msg_2", 42L, body, secret);

        assertThat(StandardWebhookSigner.verify("msg_2", 42L, body, secret, "v1,bm9wZQ== " + signature)).isTrue();
        assertThat(StandardWebhookSigner.verify("msg_2", 43L, body, secret, signature)).isFalse();
        assertThat(StandardWebhookSigner.verify("msg_2", 42L, "{ }".getBytes(StandardCharsets.UTF_8), secret, signature))
                .isFalse();
        assertThat(StandardWebhookSigner.verify("msg_2", 42L, body, StandardWebhookSigner.newSecret(), signature)).isFalse();
    }

    @Test
    void newSecretsAreRandomAndCarryThirtyTwoBytes() {
        String one = StandardWebhookSigner.newSecret();
        assertThat(one).startsWith("whsec_").isNotEqualTo(StandardWebhookSigner.newSecret());
        assertThat(Base64.getDecoder().decode(one.substring(6))).hasSize(32);
    }
}
