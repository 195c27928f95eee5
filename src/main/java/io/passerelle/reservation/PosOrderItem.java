package io.passerelle.reservation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** A line of a bill: what was sold, how many, at what unit price (in the order's currency). */
@Embeddable
public record PosOrderItem(
        @Column(nullable = false, length = PosOrderItem.NAME_MAX_LENGTH) String name,
        @Column(nullable = false) int quantity,
        @Column(name = "unit_price", nullable = false, precision = 12, scale = 2) BigDecimal unitPrice) {

    public static final int NAME_MAX_LENGTH = 200;
    public static final int MIN_QUANTITY = 1;
    public static final int MAX_QUANTITY = 999;
}
