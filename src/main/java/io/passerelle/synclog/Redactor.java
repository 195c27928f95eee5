package io.passerelle.synclog;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Removes secrets from what the log keeps: values of JSON fields and header lines whose name says
 * secret (token, secret, password, api key, authorization, signature). Applied to every payload before it
 * is stored, so no reader of the log, and no export, can ever see one.
 */
public final class Redactor {

    static final String MASK = "***";
    private static final String SECRET_NAMES = "(?:[a-z_-]*(?:token|secret|password|apikey|api_key|api-key|authorization|signature)[a-z_-]*)";
    private static final Pattern JSON_FIELD = Pattern.compile(
            "(\"" + SECRET_NAMES + "\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_LINE = Pattern.compile(
            "(?m)^(" + SECRET_NAMES + "\\s*:\\s*).*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern BEARER_OR_BASIC = Pattern.compile("(?i)\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]+");
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]+");
    private static final Pattern API_KEY = Pattern.compile("\\bpk_[A-Za-z0-9_-]{16,}");
    /**
     * What every match of the patterns above holds, in some case. Most payloads hold none of them (a reservation, an
     * acknowledgement), and looking for these first spares them the five patterns, which were most of the relay's
     * recording time (JFR, full-window bench).
     */
    private static final List<String> TELLTALES = List.of("token", "secret", "password", "apikey", "api_key",
            "api-key", "authorization", "signature", "bearer", "basic", "whsec_", "pk_");

    private Redactor() {}

    public static String redact(String text) {
        if (text == null || text.isEmpty() || !mayHoldSecret(text)) {
            return text;
        }
        String redacted = JSON_FIELD.matcher(text).replaceAll("$1\"" + MASK + "\"");
        redacted = HEADER_LINE.matcher(redacted).replaceAll("$1" + MASK);
        redacted = BEARER_OR_BASIC.matcher(redacted).replaceAll("$1 " + MASK);
        redacted = WEBHOOK_SECRET.matcher(redacted).replaceAll(MASK);
        return API_KEY.matcher(redacted).replaceAll(MASK);
    }

    private static boolean mayHoldSecret(String text) {
        String lowerCase = text.toLowerCase(Locale.ROOT);
        return TELLTALES.stream().anyMatch(lowerCase::contains);
    }

    /** Redacts, then cuts to the column's size, saying so. */
    static String redactAndLimit(String text, int maxLength) {
        String redacted = redact(text);
        if (redacted == null || redacted.length() <= maxLength) {
            return redacted;
        }
        String marker = "… [truncated]";
        return redacted.substring(0, maxLength - marker.length()) + marker;
    }
}
