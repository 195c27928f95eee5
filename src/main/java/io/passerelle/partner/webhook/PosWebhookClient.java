package io.passerelle.partner.webhook;

import feign.Response;
import io.passerelle.partner.CallFailure;
import io.passerelle.partner.PartnerSettings;
import io.passerelle.partner.PushDeliveryOutcome;
import io.passerelle.partner.PushTarget;
import io.passerelle.partner.StandardWebhookSigner;
import io.passerelle.partner.WebhookUrlPolicy;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls push-style POS webhooks as PROTOCOL.md describes: a signed POST, on the terms of {@link PosHttp}
 * (explicit timeouts, no redirects, no retries).
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
        this.api = PosHttp.client(PosWebhookApi.class, settings);
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
            outcome = classifier.answer(response.status(), PosHttp.firstHeader(response, "Retry-After"),
                    PosHttp.answer(response, MAX_ANSWER_BYTES));
        } catch (IOException | RuntimeException e) {
            outcome = classifier.failure(e);
        }
        if (!outcome.delivered()) {
            log.info("Call to {} failed: {} (HTTP {})", target.webhookUrl(), outcome.failure(), outcome.httpStatus());
        }
        return outcome;
    }
}
