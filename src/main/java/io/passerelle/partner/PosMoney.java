package io.passerelle.partner;

import java.math.BigDecimal;
import java.util.Objects;

/** Money as the protocol writes it: {@code {"amount": "44.00", "currency": "EUR"}}, a decimal, never a float. */
public record PosMoney(BigDecimal amount, String currency) {

    public PosMoney {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /** The amount as it travels: two decimals. */
    public String wireAmount() {
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
