package io.passerelle.synclog;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.partner.CallFailure;
import io.passerelle.reservation.PosEventRejectedException;
import io.passerelle.shared.i18n.TranslationProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every error code the partner API and the sync engine write to the log has a sentence in every language. */
class ErrorCodesAreExplainedTest {

    /** Codes written as string literals: {@code .error("CODE", ...)} and a refusal's code. */
    private static final Pattern LITERAL_CODE = Pattern.compile(
            "\\.error\\(\"(\\w+)\"|Refusal\\([^;]*?\"(\\w+)\", null");
    /** The sync engine's own failure codes, beside those of {@link CallFailure}. */
    private static final Pattern FAILURE_WORD = Pattern.compile("static final String \\w+ = \"([A-Z_]+)\"");

    private final TranslationProvider translations = new TranslationProvider();

    @Test
    void everyCodeHasAPlainSentenceInEveryLanguage() throws IOException {
        Set<String> codes = codes();
        assertThat(codes).contains("REJECTED", "reservation_not_confirmed", "wrong_currency", "unmapped_table",
                "CANCELLED", "CONNECTION_DISABLED");
        for (String code : codes) {
            String key = LogErrors.explanationKey(code);
            String english = translations.messages(Locale.ENGLISH).get(key);
            assertThat(english).as("English sentence for %s", code).isNotBlank();
            for (Locale locale : TranslationProvider.LOCALES) {
                String sentence = translations.messages(locale).get(key);
                assertThat(sentence).as("%s in %s", code, locale).isNotBlank();
                assertThat(sentence).as("%s says what to do in %s", code, locale).contains(":");
                if (!locale.equals(Locale.ENGLISH)) {
                    assertThat(sentence).as("%s translated into %s", code, locale).isNotEqualTo(english);
                }
            }
        }
    }

    private static Set<String> codes() throws IOException {
        var codes = new TreeSet<String>();
        Arrays.stream(CallFailure.values()).map(Enum::name).forEach(codes::add);
        Arrays.stream(PosEventRejectedException.Reason.values()).map(PosEventRejectedException.Reason::code)
                .forEach(codes::add);
        for (String module : new String[] {"partnerapi", "sync"}) {
            try (Stream<Path> sources = Files.walk(Path.of("src/main/java/io/passerelle", module))) {
                for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                    Pattern pattern = source.endsWith("FailureWords.java") ? FAILURE_WORD : LITERAL_CODE;
                    var matcher = pattern.matcher(Files.readString(source));
                    while (matcher.find()) {
                        for (int group = 1; group <= matcher.groupCount(); group++) {
                            if (matcher.group(group) != null) {
                                codes.add(matcher.group(group));
                            }
                        }
                    }
                }
            }
        }
        return codes;
    }
}
