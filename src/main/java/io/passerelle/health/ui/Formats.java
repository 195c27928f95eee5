package io.passerelle.health.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Times as people read them: in the restaurant's zone and the reader's language; ages in minutes, hours, days. */
final class Formats {

    private Formats() {}

    static String dateTime(Component component, Instant instant, ZoneId zone) {
        if (instant == null) {
            return component.getTranslation("health.never");
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(UI.getCurrent().getLocale())
                .withZone(zone).format(instant);
    }

    /** "just now", "12 min ago", "3 h ago", "2 days ago". */
    static String age(Component component, Instant instant, Instant now) {
        Duration age = Duration.between(instant, now);
        if (age.toMinutes() < 1) {
            return component.getTranslation("health.age.just-now");
        }
        if (age.toHours() < 1) {
            return component.getTranslation("health.age.minutes", age.toMinutes());
        }
        if (age.toDays() < 1) {
            return component.getTranslation("health.age.hours", age.toHours());
        }
        return component.getTranslation("health.age.days", age.toDays());
    }
}
