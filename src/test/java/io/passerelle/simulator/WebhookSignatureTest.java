package io.passerelle.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.simulator.WebhookSignature.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    // The example of the Standard Webhooks reference libraries, so the till agrees with any conforming sender.
    private static final byte[] KEY = Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsAsTheStandardWebhooksReferenceDoes() {
        assertThat("v1," + WebhookSignature.sign(KEY, ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void acceptsTheReferenceSignatureWithinFiveMinutes() {
        assertThat(verifyAt(TIMESTAMP + 299, SIGNATURE, BODY)).isEqualTo(Verdict.VALID);
        assertThat(verifyAt(TIMESTAMP - 299, SIGNATURE, BODY)).isEqualTo(Verdict.VALID);
    }

    @Test
    void refusesAMessageMoreThanFiveMinutesOldOrAhead() {
        assertThat(verifyAt(TIMESTAMP + 301, SIGNATURE, BODY)).isEqualTo(Verdict.STALE_TIMESTAMP);
        assertThat(verifyAt(TIMESTAMP - 301, SIGNATURE, BODY)).isEqualTo(Verdict.STALE_TIMESTAMP);
    }

    @Test
    void refusesABodyChangedAfterSigning() {
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertThat(verifyAt(TIMESTAMP, SIGNATURE, tampered)).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void acceptsAHeaderListingSeveralSignaturesWhenOneIsValid() {
        assertThat(verifyAt(TIMESTAMP, "v1,c29tZXRoaW5nIGVsc2U= " + SIGNATURE, BODY)).isEqualTo(Verdict.VALID);
        assertThat(verifyAt(TIMESTAMP, "v2," + SIGNATURE.substring(3), BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
    }

    @Test
    void refusesMissingHeadersAndTimestampsThatAreNotNumbers() {
        assertThat(WebhookSignature.verify(KEY, null, "1614265330", SIGNATURE, BODY, Instant.ofEpochSecond(TIMESTAMP)))
                .isEqualTo(Verdict.MISSING_HEADERS);
        assertThat(WebhookSignature.verify(KEY, ID, "yesterday", SIGNATURE, BODY, Instant.ofEpochSecond(TIMESTAMP)))
                .isEqualTo(Verdict.BAD_TIMESTAMP);
    }

    private static Verdict verifyAt(long nowSeconds, String signatures, byte[] body) {
        return WebhookSignature.verify(KEY, ID, Long.toString(TIMESTAMP), signatures, body,
                Instant.ofEpochSecond(nowSeconds));
    }
}
