package io.passerelle.reservation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A bill the POS closed ({@code order.closed}) or that was paid at table ({@code order.paid_at_table}, with its
 * payment id). Checked by the partner API before it gets here: amounts in range, one currency.
 */
public record PosBill(String orderId, Long reservationId, int covers, BigDecimal total,
        String currency, List<PosOrderItem> items, String paymentId, Instant occurredAt) {}
