package io.passerelle.simulator;

import java.time.OffsetDateTime;

/**
 * The till's answer to a pay-at-table payment; the same receipt is answered again when the same
 * {@code paymentId} is sent again.
 *
 * @param status PAID once the bill is settled, PARTIALLY_PAID while something is still due
 */
record PaymentReceipt(String paymentId, String billId, Money amount, Money due, String status, OffsetDateTime paidAt) {}
