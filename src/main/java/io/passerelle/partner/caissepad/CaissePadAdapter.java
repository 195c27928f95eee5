package io.passerelle.partner.caissepad;

import io.passerelle.partner.PartnerCategory;
import io.passerelle.partner.PartnerDescriptor;
import io.passerelle.partner.PartnerEventType;
import io.passerelle.partner.OpenBill;
import io.passerelle.partner.PartnerStyle;
import io.passerelle.partner.PayAtTablePartner;
import io.passerelle.partner.PayAtTableTarget;
import io.passerelle.partner.PaymentReceipt;
import io.passerelle.partner.PosCallResult;
import io.passerelle.partner.PosMoney;
import io.passerelle.partner.PosVersion;
import io.passerelle.partner.PushDeliveryOutcome;
import io.passerelle.partner.PushPartnerAdapter;
import io.passerelle.partner.PushTarget;
import io.passerelle.partner.webhook.PayAtTableClient;
import io.passerelle.partner.webhook.PosWebhookClient;
import java.util.EnumSet;
import org.springframework.stereotype.Component;

/**
 * CaissePad, a French till that is pushed to (modelled on the French help article): Passerelle calls
 * its webhook URL, it calls back with its token. It takes table assignments (table names must match on
 * both sides), opens tables (seated, walk-ins), closes bills and offers pay at table. It speaks
 * Passerelle's standard protocol (webhooks, pay-at-table server), so its calls are the standard ones.
 */
@Component
class CaissePadAdapter implements PushPartnerAdapter, PayAtTablePartner {

    private static final PartnerDescriptor DESCRIPTOR = new PartnerDescriptor(
            "caissepad",
            "CaissePad",
            PartnerCategory.TILL_POS,
            PartnerStyle.PUSH,
            true,
            true,
            EnumSet.of(PartnerEventType.ORDER_OPENED, PartnerEventType.ORDER_ITEMS_SENT, PartnerEventType.ORDER_CLOSED,
                    PartnerEventType.ORDER_PAID_AT_TABLE),
            PosVersion.parse("2.0.16"));

    private final PosWebhookClient webhooks;
    private final PayAtTableClient payAtTable;

    CaissePadAdapter(PosWebhookClient webhooks, PayAtTableClient payAtTable) {
        this.webhooks = webhooks;
        this.payAtTable = payAtTable;
    }

    @Override
    public PartnerDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public PushDeliveryOutcome testConnection(PushTarget target) {
        return webhooks.testConnection(target);
    }

    @Override
    public PushDeliveryOutcome deliver(PushTarget target, String messageId, byte[] jsonBody) {
        return webhooks.deliver(target, messageId, jsonBody);
    }

    @Override
    public PushDeliveryOutcome checkInstallation(PayAtTableTarget target) {
        return payAtTable.checkInstallation(target);
    }

    @Override
    public PosCallResult<OpenBill> fetchBill(PayAtTableTarget target, String requestId, String table) {
        return payAtTable.fetchBill(target, requestId, table);
    }

    @Override
    public PosCallResult<PaymentReceipt> settleBill(PayAtTableTarget target, String paymentId, String billId,
            PosMoney amount) {
        return payAtTable.settleBill(target, paymentId, billId, amount);
    }
}
