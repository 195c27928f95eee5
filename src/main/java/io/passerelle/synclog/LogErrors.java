package io.passerelle.synclog;

import java.util.Locale;

/**
 * Error codes in the log are machine words (the partner API's refusals, the sync engine's call failures); each
 * has a sentence in every language saying what happened and what to do, under {@code synclog.error.<code>}.
 */
public final class LogErrors {

    private static final String PREFIX = "synclog.error.";

    private LogErrors() {}

    public static String explanationKey(String errorCode) {
        return PREFIX + errorCode.toLowerCase(Locale.ROOT);
    }
}
