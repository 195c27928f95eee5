package io.passerelle.sync;

import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.PushConnection;
import io.passerelle.partner.OpenBill;
import io.passerelle.partner.PartnerCatalogue;
import io.passerelle.partner.PayAtTablePartner;
import io.passerelle.partner.PayAtTableTarget;
import io.passerelle.partner.PaymentReceipt;
import io.passerelle.partner.PosCallResult;
import io.passerelle.partner.PosMoney;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay's side of pay at table: makes the call an outbox message stands for (fetch a bill, settle a payment)
 * and says what its outcome changes here. The payment's id is the message's webhook-id, the same on every retry
 * and replay: the POS takes a payment once, whatever the number of times it is sent.
 */
@Component
class PayAtTableCalls {

    private final ConnectionService connections;
    private final PartnerCatalogue catalogue;
    private final PayAtTableStore bills;
    private final JsonMapper json;
    private final Clock clock;

    PayAtTableCalls(ConnectionService connections, PartnerCatalogue catalogue, PayAtTableStore bills, JsonMapper json,
            Clock clock) {
        this.connections = connections;
        this.catalogue = catalogue;
        this.bills = bills;
        this.json = json;
        this.clock = clock;
    }

    /** The body of a {@link MessageType#BILL_FETCH} message. */
    String fetchPayload(String table) {
        return json.writeValueAsString(json.createObjectNode().put("table", table));
    }

    /** The body of a {@link MessageType#BILL_PAYMENT} message. */
    String paymentPayload(String posBillId, String paymentId, PosMoney amount) {
        var payment = json.createObjectNode().put("billId", posBillId).put("paymentId", paymentId);
        payment.putObject("amount").put("amount", amount.wireAmount()).put("currency", amount.currency());
        return json.writeValueAsString(payment);
    }

    /** Calls the POS; empty when the connection no longer has pay at table (nothing was called). */
    Optional<PosCall> call(OutboxMessage message, PushConnection connection) {
        Optional<PayAtTablePartner> partner = catalogue.payAtTable(connection.partnerCode());
        Optional<PayAtTableTarget> target = connections.payAtTableTarget(message.connectionId());
        if (partner.isEmpty() || target.isEmpty()) {
            return Optional.empty();
        }
        JsonNode payload = json.readTree(message.payload());
        return Optional.of(switch (message.type()) {
            case BILL_FETCH -> fetch(partner.get(), target.get(), message, payload.path("table").asString());
            case BILL_PAYMENT -> settle(partner.get(), target.get(), payload);
            case UPSERTED, MISSED -> throw new IllegalArgumentException("Not a pay-at-table call: " + message.type());
        });
    }

    /** The call could not be made for good: a payment then shows as failed. */
    void gaveUp(OutboxMessage message) {
        if (message.type() == MessageType.BILL_PAYMENT) {
            bills.paymentFailed(message.webhookId());
        }
    }

    private PosCall fetch(PayAtTablePartner partner, PayAtTableTarget target, OutboxMessage message, String table) {
        PosCallResult<OpenBill> result = partner.fetchBill(target, message.webhookId(), table);
        OpenBill bill = result.answer();
        return new PosCall(result.outcome(), bill == null ? null : json.writeValueAsString(bill), false,
                () -> bills.storeFetched(message.restaurantId(), message.connectionId(), bill, clock.instant()),
                () -> { });
    }

    private PosCall settle(PayAtTablePartner partner, PayAtTableTarget target, JsonNode payment) {
        String paymentId = payment.path("paymentId").asString();
        var amount = new PosMoney(new BigDecimal(payment.path("amount").path("amount").asString()),
                payment.path("amount").path("currency").asString());
        PosCallResult<PaymentReceipt> result = partner.settleBill(target, paymentId,
                payment.path("billId").asString(), amount);
        PaymentReceipt receipt = result.answer();
        return new PosCall(result.outcome(), receipt == null ? null : json.writeValueAsString(receipt), false,
                () -> bills.settled(paymentId, receipt, clock.instant()), () -> bills.paymentFailed(paymentId));
    }
}
