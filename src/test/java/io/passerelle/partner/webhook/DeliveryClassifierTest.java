package io.passerelle.partner.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Request;
import feign.RetryableException;
import io.passerelle.partner.CallFailure;
import io.passerelle.partner.PosVersion;
import io.passerelle.partner.PushDeliveryOutcome;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DeliveryClassifierTest {

    private static final Instant NOW = Instant.parse("2026-11-23T19:30:00Z");
    private final DeliveryClassifier classifier = new DeliveryClassifier(JsonMapper.builder().build(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void successAcknowledgesAndReadsTheReportedVersion() {
        assertThat(answer(200, "{\"posVersion\": \"2.0.16\"}")).isEqualTo(PushDeliveryOutcome.delivered(200, PosVersion.parse("2.0.16")));
        assertThat(answer(204, "")).isEqualTo(PushDeliveryOutcome.delivered(204, null));
        assertThat(answer(202, "{\"ok\": true}").delivered()).isTrue();
        assertThat(answer(200, "{\"posVersion\": null}").posVersion()).isNull();
    }

    @Test
    void successWithAnAnswerOutsideTheProtocolIsGarbage() {
        for (String body : new String[] {"<html>OK</html>", "[1,2]", "\"2.0.16\"", "{\"posVersion\": \"two\"}",
                "{\"posVersion\": 2016}", "{\"posVersion\""}) {
            assertThat(answer(200, body).failure()).as(body).isEqualTo(CallFailure.GARBAGE_BODY);
        }
    }

    @Test
    void statusCodesSayWhatIsWrong() {
        assertThat(answer(401, "").failure()).isEqualTo(CallFailure.BAD_TOKEN);
        assertThat(answer(403, "").failure()).isEqualTo(CallFailure.BAD_TOKEN);
        assertThat(answer(404, "").failure()).isEqualTo(CallFailure.UNKNOWN_RESTAURANT);
        assertThat(answer(410, "").failure()).isEqualTo(CallFailure.GONE);
        assertThat(answer(400, "").failure()).isEqualTo(CallFailure.REJECTED);
        assertThat(answer(422, "").failure()).isEqualTo(CallFailure.REJECTED);
        assertThat(answer(302, "").failure()).isEqualTo(CallFailure.REJECTED);
        for (int status : new int[] {408, 429, 500, 502, 503}) {
            var outcome = answer(status, "");
            assertThat(outcome.failure()).isEqualTo(CallFailure.TEMPORARY_ERROR);
            assertThat(outcome.retryable()).isTrue();
            assertThat(outcome.httpStatus()).isEqualTo(status);
        }
        assertThat(answer(401, "").retryable()).isFalse();
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        assertThat(classifier.answer(503, Optional.of("120"), new byte[0]).retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(classifier.answer(429, Optional.of("Mon, 23 Nov 2026 19:31:30 GMT"), new byte[0]).retryAfter())
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(classifier.answer(429, Optional.of("Mon, 23 Nov 2026 19:00:00 GMT"), new byte[0]).retryAfter())
                .isEqualTo(Duration.ZERO);
        assertThat(classifier.answer(503, Optional.of("soon"), new byte[0]).retryAfter()).isNull();
        assertThat(classifier.answer(503, Optional.empty(), new byte[0]).retryAfter()).isNull();
    }

    @Test
    void transportFailuresByTheirCause() {
        assertThat(failure(new SSLHandshakeException("PKIX path building failed"))).isEqualTo(CallFailure.CERTIFICATE_INVALID);
        assertThat(failure(new HttpTimeoutException("request timed out"))).isEqualTo(CallFailure.TIMED_OUT);
        assertThat(failure(new HttpConnectTimeoutException("connect timed out"))).isEqualTo(CallFailure.TIMED_OUT);
        assertThat(failure(new ConnectException("Connection refused"))).isEqualTo(CallFailure.UNREACHABLE);
        assertThat(failure(new UnknownHostException("pos.example.test"))).isEqualTo(CallFailure.UNREACHABLE);
    }

    @Test
    void aBugIsNotBlamedOnThePos() {
        var bug = new IllegalArgumentException("restricted header name");
        assertThatThrownBy(() -> classifier.failure(bug)).isSameAs(bug);
    }

    private PushDeliveryOutcome answer(int status, String body) {
        return classifier.answer(status, Optional.empty(), body.getBytes(StandardCharsets.UTF_8));
    }

    /** As Feign reports I/O failures: wrapped in a RetryableException. */
    private CallFailure failure(Exception cause) {
        var request = Request.create(Request.HttpMethod.POST, "http://127.0.0.1/webhook", Map.of(), new byte[0],
                StandardCharsets.UTF_8, null);
        var wrapped = new RetryableException(-1, cause.getMessage(), Request.HttpMethod.POST, cause, (Long) null, request);
        return classifier.failure(wrapped).failure();
    }
}
