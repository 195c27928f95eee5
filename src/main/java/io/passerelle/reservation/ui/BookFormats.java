package io.passerelle.reservation.ui;

import io.passerelle.restaurant.RestaurantRef;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * How the reservation book shows times and money: times in the restaurant's time zone and the reader's locale;
 * money as the restaurant writes it (its locale), in the bill's currency. Statistics carry no currency: they add up
 * bills the partner API accepted only in the platform's currency, euros today.
 */
final class BookFormats {

    static final Currency CURRENCY = Currency.getInstance("EUR");

    private final Locale moneyLocale;
    private final DateTimeFormatter dateTime;

    BookFormats(Locale reader, RestaurantRef restaurant) {
        this.moneyLocale = restaurant.locale();
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(reader)
                .withZone(restaurant.timeZone());
    }

    String dateTime(Instant instant) {
        return instant == null ? "" : dateTime.format(instant);
    }

    static String date(Locale locale, LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    /** An amount of the platform's currency; null (nothing to show yet) becomes an empty string. */
    String money(BigDecimal amount) {
        return money(amount, CURRENCY.getCurrencyCode());
    }

    /** An amount in the given currency (ISO 4217, as the POS sent it). */
    String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(moneyLocale);
        format.setCurrency(currency == null ? CURRENCY : Currency.getInstance(currency));
        return format.format(amount);
    }
}
