package io.passerelle.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.shared.i18n.TranslationProvider;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message of the reservation book exists in English, French and Italian, and is really translated. */
class ReservationMessagesTest {

    private static final TranslationProvider translations = new TranslationProvider();

    @Test
    void theThreeLanguagesHaveTheSameKeys() throws IOException {
        for (String bundle : new String[] {"i18n/reservation", "ValidationMessages"}) {
            Set<String> english = load(bundle + ".properties").stringPropertyNames();
            assertThat(english).isNotEmpty();
            for (String language : new String[] {"fr", "it"}) {
                assertThat(load(bundle + "_" + language + ".properties").stringPropertyNames())
                        .as(bundle + " in " + language)
                        .containsExactlyInAnyOrderElementsOf(english);
            }
        }
    }

    @Test
    void everyStatusSourceAndStatusActionHasALabelInEveryLanguage() {
        Stream<String> statusLabels = Arrays.stream(ReservationStatus.values()).map(s -> "reservation.status." + s.name());
        Stream<String> sourceLabels = Arrays.stream(ReservationSource.values()).map(s -> "reservation.source." + s.name());
        Stream<String> actions = Arrays.stream(ReservationStatus.values())
                .flatMap(s -> s.allowedNext().stream())
                .map(s -> "reservation.action." + s.name());
        for (String key : Stream.of(statusLabels, sourceLabels, actions).flatMap(s -> s).toList()) {
            for (Locale locale : TranslationProvider.LOCALES) {
                assertThat(translations.messages(locale)).as(key + " in " + locale).containsKey(key);
            }
        }
    }

    @Test
    void statusesUseTheWordsOfTheSeedArticles() {
        assertThat(translations.getTranslation("reservation.status.ARRIVED", Locale.ITALIAN)).isEqualTo("Arrivato");
        assertThat(translations.getTranslation("reservation.status.FINISHED", Locale.ITALIAN)).isEqualTo("Terminata");
        assertThat(translations.getTranslation("reservation.status.NO_SHOW", Locale.ITALIAN)).isEqualTo("Non arrivata");
        assertThat(translations.getTranslation("reservation.status.REFUSED", Locale.ITALIAN)).isEqualTo("Rifiutata");
        assertThat(translations.getTranslation("reservation.status.CANCELLED", Locale.ITALIAN)).isEqualTo("Cancellata");
        assertThat(translations.getTranslation("reservation.status.ARRIVED", Locale.FRENCH)).isEqualTo("Installé");
        assertThat(translations.getTranslation("reservation.status.FINISHED", Locale.FRENCH)).isEqualTo("Terminée");
    }

    private static Properties load(String resource) throws IOException {
        var properties = new Properties();
        try (var in = ReservationMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
