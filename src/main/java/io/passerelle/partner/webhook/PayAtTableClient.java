package io.passerelle.partner.webhook;

import feign.Response;
import io.passerelle.partner.CallFailure;
import io.passerelle.partner.OpenBill;
import io.passerelle.partner.PartnerSettings;
import io.passerelle.partner.PayAtTableTarget;
import io.passerelle.partner.PaymentReceipt;
import io.passerelle.partner.PosCallResult;
import io.passerelle.partner.PosMoney;
import io.passerelle.partner.PushDeliveryOutcome;
import io.passerelle.partner.StandardWebhookSigner;
import io.passerelle.partner.WebhookUrlPolicy;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a POS's pay-at-table server: checks that it serves the installation, fetches a table's bill, settles a bill
 * paid through pay at table. Signed like
 * the webhooks (the request id, or the payment id, as {@code webhook-id}), the server address checked before every
 * call like a webhook URL, on the terms of {@link PosHttp} (explicit timeouts, no redirects, no retries). An
 * answer that is not the bill or the receipt the protocol describes is {@link CallFailure#GARBAGE_BODY}.
 */
@Component
public class PayAtTableClient {

    private static final Logger log = LoggerFactory.getLogger(PayAtTableClient.class);
    /** A bill of a few hundred lines, with room to spare. */
    private static final int MAX_ANSWER_BYTES = 512 * 1024;
    private static final byte[] NO_BODY = new byte[0];

    private final PayAtTableApi api;
    private final StandardWebhookSigner signer;
    private final WebhookUrlPolicy urlPolicy;
    private final JsonMapper json;
    private final DeliveryClassifier classifier;

    public PayAtTableClient(PartnerSettings settings, StandardWebhookSigner signer, JsonMapper json, Clock clock) {
        this.api = PosHttp.client(PayAtTableApi.class, settings);
        this.signer = signer;
        this.urlPolicy = settings.webhookUrlPolicy();
        this.json = json;
        this.classifier = new DeliveryClassifier(json, clock);
    }

    /**
     * Whether the server answers for the installation: {@code GET <server>/installations/<installationId>}, which
     * must name the same installation back. Any other success is {@link CallFailure#GARBAGE_BODY}: a web server
     * that answers every path with 200 is not a pay-at-table server.
     */
    public PushDeliveryOutcome checkInstallation(PayAtTableTarget target) {
        return call(target, "msg_" + UUID.randomUUID(), NO_BODY,
                headers -> api.installation(server(target), headers, target.installationId()),
                node -> Optional.of(node).filter(answer -> target.installationId().equals(text(answer,
                        "installationId")))).outcome();
    }

    public PosCallResult<OpenBill> fetchBill(PayAtTableTarget target, String requestId, String table) {
        return call(target, requestId, NO_BODY,
                headers -> api.bill(server(target), headers, target.installationId(), table), this::bill);
    }

    public PosCallResult<PaymentReceipt> settleBill(PayAtTableTarget target, String paymentId, String billId,
            PosMoney amount) {
        var payment = json.createObjectNode().put("paymentId", paymentId);
        payment.putObject("amount").put("amount", amount.wireAmount()).put("currency", amount.currency());
        byte[] body = json.writeValueAsBytes(payment);
        return call(target, paymentId, body,
                headers -> api.pay(server(target), headers, target.installationId(), billId, body), this::receipt);
    }

    private <T> PosCallResult<T> call(PayAtTableTarget target, String signatureId, byte[] body,
            Function<Map<String, Object>, Response> request, Function<JsonNode, Optional<T>> reader) {
        if (!target.server().isStillAllowed(urlPolicy)) {
            log.warn("Refused to call {}: it resolves to an address Passerelle must not call", target.server());
            return PosCallResult.failed(PushDeliveryOutcome.failed(CallFailure.ADDRESS_REFUSED));
        }
        Map<String, Object> headers = new LinkedHashMap<>(signer.sign(signatureId, body, target.signingSecret()));
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        PosCallResult<T> result;
        try (Response response = request.apply(headers)) {
            int status = response.status();
            if (status < 200 || status >= 300) {
                result = PosCallResult.failed(classifier.refused(status, PosHttp.firstHeader(response, "Retry-After")));
            } else {
                result = parse(PosHttp.answer(response, MAX_ANSWER_BYTES)).flatMap(reader)
                        .map(answer -> new PosCallResult<>(PushDeliveryOutcome.delivered(status, null), answer))
                        .orElseGet(() -> PosCallResult.failed(
                                PushDeliveryOutcome.failed(CallFailure.GARBAGE_BODY, status, null)));
            }
        } catch (IOException | RuntimeException e) {
            result = PosCallResult.failed(classifier.failure(e));
        }
        if (!result.outcome().delivered()) {
            log.info("Pay-at-table call to {} failed: {} (HTTP {})", target.server(), result.outcome().failure(),
                    result.outcome().httpStatus());
        }
        return result;
    }

    /** The server as entered, without a trailing slash: the paths are appended to it. */
    private static URI server(PayAtTableTarget target) {
        String server = target.server().value();
        return URI.create(server.endsWith("/") ? server.substring(0, server.length() - 1) : server);
    }

    private Optional<JsonNode> parse(byte[] answer) {
        try {
            JsonNode node = json.readTree(answer);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private Optional<OpenBill> bill(JsonNode node) {
        String billId = text(node, "billId");
        Optional<PosMoney> total = money(node.get("total"));
        Optional<PosMoney> due = money(node.get("due"));
        List<OpenBill.Item> items = new ArrayList<>();
        for (JsonNode item : node.path("items")) {
            String name = text(item, "name");
            Optional<PosMoney> unitPrice = money(item.get("unitPrice"));
            if (name == null || unitPrice.isEmpty() || !item.path("quantity").isIntegralNumber()) {
                return Optional.empty();
            }
            items.add(new OpenBill.Item(name, item.path("quantity").asInt(), unitPrice.get()));
        }
        if (billId == null || total.isEmpty() || due.isEmpty()) {
            return Optional.empty();
        }
        Integer covers = node.path("covers").isIntegralNumber() ? node.path("covers").asInt() : null;
        return Optional.of(new OpenBill(billId, text(node, "orderId"), text(node, "table"), covers,
                text(node, "reservationId"), List.copyOf(items), total.get(), due.get(), text(node, "status")));
    }

    private Optional<PaymentReceipt> receipt(JsonNode node) {
        String paymentId = text(node, "paymentId");
        String status = text(node, "status");
        Optional<PosMoney> amount = money(node.get("amount"));
        Optional<PosMoney> due = money(node.get("due"));
        if (paymentId == null || status == null || amount.isEmpty() || due.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PaymentReceipt(paymentId, text(node, "billId"), amount.get(), due.get(), status));
    }

    private static Optional<PosMoney> money(JsonNode node) {
        if (node == null || !node.path("amount").isString() || !node.path("currency").isString()) {
            return Optional.empty();
        }
        try {
            BigDecimal amount = new BigDecimal(node.path("amount").asString());
            boolean cents = amount.signum() >= 0 && amount.stripTrailingZeros().scale() <= 2;
            return cents ? Optional.of(new PosMoney(amount, node.path("currency").asString())) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }
}
