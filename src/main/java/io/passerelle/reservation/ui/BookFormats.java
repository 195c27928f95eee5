package io.passerelle.reservation.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * How the reservation book shows times and money: times in the restaurant's time zone, both in the
 * reader's locale. Amounts are euros: every restaurant on the platform bills in euros today.
 */
final class BookFormats {

    static final Currency CURRENCY = Currency.getInstance("EUR");

    private final Locale locale;
    private final DateTimeFormatter dateTime;

    BookFormats(Locale locale, ZoneId restaurantZone) {
        this.locale = locale;
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(restaurantZone);
    }

    String dateTime(Instant instant) {
        return instant == null ? "" : dateTime.format(instant);
    }

    static String date(Locale locale, LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    /** Null (nothing to show yet) becomes an empty string. */
    String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(CURRENCY);
        return format.format(amount);
    }
}
