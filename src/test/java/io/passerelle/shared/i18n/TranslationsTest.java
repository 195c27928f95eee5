package io.passerelle.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    private final TranslationProvider translations = new TranslationProvider();

    @Test
    void everyKeyExistsInEveryLanguage() {
        Map<String, String> english = translations.messages(Locale.ENGLISH);
        assertThat(english).isNotEmpty();
        for (Locale locale : TranslationProvider.LOCALES) {
            var keys = new TreeSet<>(translations.messages(locale).keySet());
            assertThat(keys).as("keys of %s", locale).containsExactlyInAnyOrderElementsOf(new TreeSet<>(english.keySet()));
        }
    }

    @Test
    void noMessageIsBlank() {
        for (Locale locale : TranslationProvider.LOCALES) {
            translations.messages(locale).forEach((key, message) ->
                    assertThat(message).as("%s in %s", key, locale).isNotBlank());
        }
    }

    @Test
    void placeholdersAreTheSameInEveryLanguage() {
        translations.messages(Locale.ENGLISH).forEach((key, english) -> {
            for (Locale locale : TranslationProvider.LOCALES) {
                String translated = translations.messages(locale).get(key);
                assertThat(placeholders(translated)).as("placeholders of %s in %s", key, locale)
                        .isEqualTo(placeholders(english));
            }
        });
    }

    @Test
    void missingKeysAreVisibleAndPlaceholdersAreFilledLiterally() {
        assertThat(translations.getTranslation("no.such.key", Locale.FRENCH)).isEqualTo("!{no.such.key}!");
        assertThat(translations.getTranslation("home.welcome", Locale.FRENCH, "Giulia")).isEqualTo("Bienvenue, Giulia");
        assertThat(translations.getTranslation("home.welcome", Locale.GERMAN, "Anna")).isEqualTo("Welcome, Anna");
    }

    private static TreeSet<String> placeholders(String message) {
        var found = new TreeSet<String>();
        var matcher = java.util.regex.Pattern.compile("\\{\\d+}").matcher(message == null ? "" : message);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
