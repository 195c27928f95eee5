package io.passerelle.simulator;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount as the protocol writes it: {@code {"amount": "12.50", "currency": "EUR"}}, a decimal string, never a float. */
record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

    Money {
        if (amount == null || currency == null || currency.isBlank()) {
            throw new IllegalArgumentException("money needs an amount and a currency, e.g. {\"amount\": \"12.50\", \"currency\": \"EUR\"}");
        }
    }

    /** Cents, as a till counts them. */
    static Money of(BigDecimal amount, String currency) {
        return new Money(amount.setScale(2, RoundingMode.HALF_UP), currency);
    }

    static Money zero(String currency) {
        return of(BigDecimal.ZERO, currency);
    }

    Money plus(Money other) {
        requireSameCurrency(other);
        return of(amount.add(other.amount), currency);
    }

    Money minus(Money other) {
        requireSameCurrency(other);
        return of(amount.subtract(other.amount), currency);
    }

    Money times(int quantity) {
        return of(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    boolean isGreaterThan(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount) > 0;
    }

    boolean isPositive() {
        return amount.signum() > 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot mix " + currency + " and " + other.currency);
        }
    }
}
