package io.passerelle.shared;

import java.util.Arrays;

/**
 * A failure the person at the screen (or the POS at the API) must understand. Carries a message key,
 * resolved in the reader's language at the edge, and optionally the input field it is about. The
 * exception's own message is English, for logs.
 */
public class UserFacingException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;
    private final String field;

    public UserFacingException(String field, String messageKey, String englishMessage, Object... arguments) {
        super(englishMessage);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return Arrays.copyOf(arguments, arguments.length);
    }

    /** The input field the failure is about, or null when it concerns the whole request. */
    public String field() {
        return field;
    }
}
