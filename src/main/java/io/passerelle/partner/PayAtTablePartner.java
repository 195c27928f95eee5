package io.passerelle.partner;

/**
 * A partner whose POS offers pay at table (DOMAIN rule 10): Passerelle fetches a table's bill when items are sent,
 * and settles in the POS a bill paid through pay at table. Like every outbound call: explicit timeouts, no retries
 * here (the sync engine retries, in one layer).
 */
public interface PayAtTablePartner {

    /**
     * {@code GET <server>/installations/<installationId>}: the server answers for this installation (a cheap read
     * with no effect, for the onboarding checklist). Delivered only when it names the same installation back.
     */
    PushDeliveryOutcome checkInstallation(PayAtTableTarget target);

    /**
     * {@code GET <server>/installations/<installationId>/tables/<table>/bill}.
     *
     * @param requestId unique per request and the same on its retries, sent as the signature's id
     */
    PosCallResult<OpenBill> fetchBill(PayAtTableTarget target, String requestId, String table);

    /**
     * {@code POST <server>/installations/<installationId>/bills/<billId>/payments}.
     *
     * @param paymentId the idempotency key: the same on every retry, so the POS takes the payment once
     */
    PosCallResult<PaymentReceipt> settleBill(PayAtTableTarget target, String paymentId, String billId,
            PosMoney amount);
}
