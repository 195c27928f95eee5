package io.passerelle.partner;

/**
 * The POS's answer to a pay-at-table payment ({@code POST .../bills/{billId}/payments}); the same paymentId sent
 * again is answered with the same receipt and pays nothing more.
 *
 * @param status PAID once the bill is settled, PARTIALLY_PAID while something is still due
 */
public record PaymentReceipt(String paymentId, String billId, PosMoney amount, PosMoney due, String status) {

    public boolean settled() {
        return "PAID".equals(status);
    }
}
