package io.passerelle.synclog;

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

    private Redactor() {}

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = JSON_FIELD.matcher(text).replaceAll("$1\"" + MASK + "\"");
        redacted = HEADER_LINE.matcher(redacted).replaceAll("$1" + MASK);
        redacted = BEARER_OR_BASIC.matcher(redacted).replaceAll("$1 " + MASK);
        redacted = WEBHOOK_SECRET.matcher(redacted).replaceAll(MASK);
        return API_KEY.matcher(redacted).replaceAll(MASK);
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
