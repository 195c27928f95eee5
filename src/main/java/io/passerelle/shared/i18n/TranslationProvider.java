package io.passerelle.shared.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every feature keeps its own messages in {@code i18n/<feature>.properties} (English),
 * {@code <feature>_fr.properties} and {@code <feature>_it.properties}, UTF-8. Placeholders are
 * {@code {0}}, {@code {1}}...; replaced literally, so French apostrophes need no escaping.
 */
@Component
public class TranslationProvider implements I18NProvider {

    public static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.ITALIAN);

    private static final Logger log = LoggerFactory.getLogger(TranslationProvider.class);
    private static final Pattern FILE_NAME = Pattern.compile("([a-z0-9-]+?)(?:_([a-z]{2}))?\\.properties");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private final Map<String, Map<String, String>> messagesByLanguage;

    public TranslationProvider() {
        this.messagesByLanguage = load();
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        String message = messages(locale).get(key);
        if (message == null) {
            message = messagesByLanguage.get(Locale.ENGLISH.getLanguage()).get(key);
        }
        if (message == null) {
            log.warn("Missing translation key {}", key);
            return "!{" + key + "}!";
        }
        return params.length == 0 ? message : format(message, params);
    }

    /** All keys and messages of one language, for the consistency tests. */
    public Map<String, String> messages(Locale locale) {
        return messagesByLanguage.getOrDefault(supported(locale).getLanguage(), Map.of());
    }

    public static Locale supported(Locale locale) {
        if (locale == null) {
            return Locale.ENGLISH;
        }
        return LOCALES.stream()
                .filter(l -> l.getLanguage().equals(locale.getLanguage()))
                .findFirst()
                .orElse(Locale.ENGLISH);
    }

    private static String format(String message, Object[] params) {
        Matcher matcher = PLACEHOLDER.matcher(message);
        var result = new StringBuilder();
        while (matcher.find()) {
            int index = Integer.parseInt(matcher.group(1));
            String value = index < params.length ? String.valueOf(params[index]) : matcher.group();
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static Map<String, Map<String, String>> load() {
        Map<String, Map<String, String>> byLanguage = new HashMap<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
            for (Resource resource : resources) {
                Matcher name = FILE_NAME.matcher(resource.getFilename());
                if (!name.matches()) {
                    continue;
                }
                String language = name.group(2) == null ? Locale.ENGLISH.getLanguage() : name.group(2);
                var properties = new Properties();
                try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                var messages = byLanguage.computeIfAbsent(language, l -> new HashMap<>());
                properties.forEach((key, value) -> messages.put((String) key, (String) value));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the translations", e);
        }
        byLanguage.replaceAll((language, messages) -> Map.copyOf(messages));
        return Map.copyOf(byLanguage);
    }
}
