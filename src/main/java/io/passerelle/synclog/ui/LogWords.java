package io.passerelle.synclog.ui;

import com.vaadin.flow.component.Component;
import io.passerelle.shared.i18n.TranslationProvider;
import io.passerelle.synclog.LogErrors;
import io.passerelle.synclog.LogLine;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** How the log's lines read: times in the restaurant's zone and the reader's locale, error codes as sentences. */
final class LogWords {

    private final Component where;
    private final TranslationProvider translations;
    private final Locale locale;
    private final DateTimeFormatter time;

    LogWords(Component where, TranslationProvider translations, Locale locale) {
        this.where = where;
        this.translations = translations;
        this.locale = locale;
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT, FormatStyle.MEDIUM).withLocale(locale);
    }

    String time(Instant instant, ZoneId zone) {
        return time.withZone(zone).format(instant);
    }

    /** What happened and what to do; a code that has no sentence (yet) is shown as it is. */
    String explanation(LogLine line) {
        if (line.errorCode() == null) {
            return "";
        }
        String key = LogErrors.explanationKey(line.errorCode());
        boolean known = translations.messages(locale).containsKey(key);
        return known ? where.getTranslation(key) : where.getTranslation("synclog.error.unknown", line.errorCode());
    }

    String outcome(LogLine line) {
        return where.getTranslation("synclog.outcome." + line.outcome().name());
    }

    String direction(LogLine line) {
        return where.getTranslation("synclog.direction." + line.direction().name());
    }

    String kind(LogLine line) {
        return where.getTranslation("synclog.kind." + line.kind().name());
    }
}
