package io.passerelle.partner.webhook;

import feign.Feign;
import feign.Request;
import feign.Response;
import feign.Retryer;
import feign.Target;
import feign.http2client.Http2Client;
import io.passerelle.partner.CallFailure;
import io.passerelle.partner.PartnerSettings;
import io.passerelle.partner.PushDeliveryOutcome;
import io.passerelle.partner.PushTarget;
import io.passerelle.partner.StandardWebhookSigner;
import io.passerelle.partner.WebhookUrlPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls push-style POS webhooks as PROTOCOL.md describes: signed POST, explicit connect and read
 * timeouts, redirects not followed (a redirect could lead to an address the URL check refused), and no
 * retries (they live in one layer only, the sync engine). Feign logs nothing here: no header or body
 * can leak a secret.
 */
@Component
public class PosWebhookClient {

    private static final Logger log = LoggerFactory.getLogger(PosWebhookClient.class);
    /** A POS answers with a few bytes at most; never hold more than this of its answer in memory. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final PosWebhookApi api;
    private final StandardWebhookSigner signer;
    private final WebhookUrlPolicy urlPolicy;
    private final JsonMapper json;
    private final DeliveryClassifier classifier;

    public PosWebhookClient(PartnerSettings settings, StandardWebhookSigner signer, JsonMapper json, Clock clock) {
        this.signer = signer;
        this.urlPolicy = settings.webhookUrlPolicy();
        this.json = json;
        this.classifier = new DeliveryClassifier(json, clock);
        var http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.api = Feign.builder()
                .client(new Http2Client(http))
                .options(new Request.Options(settings.connectTimeout(), settings.readTimeout(), false))
                .retryer(Retryer.NEVER_RETRY)
                .target(Target.EmptyTarget.create(PosWebhookApi.class));
    }

    /** {@code {"type": "connection.test", "restaurantId": <public ID>}}; the POS may answer with its version. */
    public PushDeliveryOutcome testConnection(PushTarget target) {
        var message = json.createObjectNode().put("type", "connection.test").put("restaurantId", target.restaurantPublicId());
        byte[] body = json.writeValueAsBytes(message);
        return deliver(target, "msg_" + UUID.randomUUID(), body);
    }

    public PushDeliveryOutcome deliver(PushTarget target, String messageId, byte[] jsonBody) {
        if (!target.webhookUrl().isStillAllowed(urlPolicy)) {
            log.warn("Refused to call {}: it resolves to an address Passerelle must not call", target.webhookUrl());
            return PushDeliveryOutcome.failed(CallFailure.ADDRESS_REFUSED);
        }
        Map<String, Object> headers = new LinkedHashMap<>(signer.sign(messageId, jsonBody, target.signingSecret()));
        headers.put("Content-Type", "application/json");
        PushDeliveryOutcome outcome;
        try (Response response = api.deliver(target.webhookUrl().uri(), headers, jsonBody)) {
            outcome = classifier.answer(response.status(), firstHeader(response, "Retry-After"), answer(response));
        } catch (IOException | RuntimeException e) {
            outcome = classifier.failure(e);
        }
        if (!outcome.delivered()) {
            log.info("Call to {} failed: {} (HTTP {})", target.webhookUrl(), outcome.failure(), outcome.httpStatus());
        }
        return outcome;
    }

    private static byte[] answer(Response response) throws IOException {
        if (response.body() == null) {
            return new byte[0];
        }
        try (InputStream in = response.body().asInputStream()) {
            return in.readNBytes(MAX_ANSWER_BYTES);
        }
    }

    private static Optional<String> firstHeader(Response response, String name) {
        return response.headers().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .flatMap(header -> header.getValue().stream())
                .findFirst();
    }
}
