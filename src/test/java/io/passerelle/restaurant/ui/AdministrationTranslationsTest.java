package io.passerelle.restaurant.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.security.AppRole;
import io.passerelle.shared.i18n.TranslationProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text the administration screens show exists in English, French and Italian. */
class AdministrationTranslationsTest {

    private static final Path SOURCES = Path.of("src/main/java/io/passerelle");
    /** A string literal that is a message key: dotted lower-case words, e.g. "restaurant.form.new". */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-zA-Z0-9-]+)+)\"");
    /** The message key of a refusal a service raises: new RuleViolationException("name", "reseller.error.name-taken", ... */
    private static final Pattern REFUSAL_KEY = Pattern.compile(
            "Exception\\(\\s*(?:\"\\w+\"|null),\\s*\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    private final TranslationProvider translations = new TranslationProvider();

    @Test
    void everyKeyTheScreensAndTheirServicesUseExistsInEveryLanguageWithTheSamePlaceholders() throws IOException {
        Set<String> keys = keysUsedByTheViews();
        keys.addAll(keysIn(SOURCES.resolve("restaurant"), REFUSAL_KEY));
        keys.addAll(keysIn(SOURCES.resolve("security"), REFUSAL_KEY));
        assertThat(keys).contains("restaurant.form.new", "user.invitation.once", "nav.users",
                "restaurant.error.name-taken", "reseller.error.name-taken", "user.error.role-admin-only");

        Map<String, String> english = translations.messages(Locale.ENGLISH);
        for (Locale language : TranslationProvider.LOCALES) {
            Map<String, String> messages = translations.messages(language);
            for (String key : keys) {
                assertThat(messages.get(key)).as(key + " in " + language).isNotBlank();
                assertThat(placeholders(messages.get(key))).as("placeholders of " + key + " in " + language)
                        .isEqualTo(placeholders(english.get(key)));
            }
        }
    }

    @Test
    void frenchAndItalianAreRealTranslations() throws IOException {
        for (String key : Set.of("restaurant.new", "user.invitation.once", "restaurant.error.name-taken")) {
            String english = translations.getTranslation(key, Locale.ENGLISH);
            assertThat(translations.getTranslation(key, Locale.FRENCH)).as(key).isNotEqualTo(english);
            assertThat(translations.getTranslation(key, Locale.ITALIAN)).as(key).isNotEqualTo(english);
        }
    }

    /** Literal keys in the view sources, plus the ones they compose at run time. */
    private static Set<String> keysUsedByTheViews() throws IOException {
        Set<String> keys = keysIn(SOURCES.resolve("restaurant/ui"), KEY_LITERAL);
        for (AppRole role : AppRole.values()) {
            keys.add("role." + role.name());
        }
        for (String action : new String[] {"enable", "disable"}) {
            keys.add("user." + action);
            Stream.of(".title", ".text", ".done").forEach(suffix -> keys.add("user." + action + suffix));
        }
        return keys;
    }

    private static Set<String> keysIn(Path folder, Pattern key) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> sources = Files.list(folder)) {
            for (Path source : sources.filter(Files::isRegularFile).toList()) {
                Matcher found = key.matcher(Files.readString(source));
                while (found.find()) {
                    keys.add(found.group(1));
                }
            }
        }
        return keys;
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        PLACEHOLDER.matcher(message).results().forEach(match -> found.add(match.group()));
        return found;
    }
}
