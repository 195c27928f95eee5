package io.passerelle.sync;

import io.passerelle.partner.OpenBill;
import io.passerelle.partner.PosMoney;
import java.time.Instant;
import java.util.List;

/**
 * A table's bill as last fetched from the POS's pay-at-table server, and where its payment through pay at table
 * stands on Passerelle's side.
 *
 * @param posBillId the POS's bill id, the one its payments endpoint takes
 * @param paymentId the idempotency key of the payment sent to the POS; null until one is
 */
public record PayAtTableBill(long id, long restaurantId, long connectionId, String posBillId, String orderId,
        String table, Integer covers, PosMoney total, PosMoney due, List<OpenBill.Item> items, Status status,
        String paymentId, Instant fetchedAt, Instant paidAt) {

    public static final int TABLE_MAX_LENGTH = 60;
    public static final int ID_MAX_LENGTH = 100;

    public enum Status {
        /** Something is due: the guest may pay it through pay at table. */
        OPEN,
        /** Paid by the guest; the payment is on its way to the POS (retried until it answers). */
        SETTLING,
        /** The POS took the payment. */
        PAID,
        /** The POS refused the payment, or never answered: replay the failed message. */
        PAYMENT_FAILED
    }
}
