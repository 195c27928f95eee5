package io.passerelle.connection;

import io.passerelle.partner.PushDeliveryOutcome;
import java.util.Locale;

/**
 * Whether a connection's pay-at-table server answers for its installation ID, each told in plain words under
 * {@link #messageKey()}: what happened and what to do.
 */
public enum PayAtTableCheckOutcome {
    /** The server named the installation back. */
    OK,
    /** 404 or 410: the server answers, but serves no installation with this ID. */
    UNKNOWN_INSTALLATION,
    /** 401 or 403: the server refused our signed call. */
    SIGNATURE_REFUSED,
    /** Another 4xx. */
    REJECTED,
    /** 408, 429 or 5xx. */
    SERVER_ERROR,
    CERTIFICATE_INVALID,
    UNREACHABLE,
    TIMED_OUT,
    /** A success that does not name the installation back: not a pay-at-table server, or another one. */
    UNREADABLE_ANSWER,
    ADDRESS_REFUSED;

    public boolean success() {
        return this == OK;
    }

    /** The full sentence. */
    public String messageKey() {
        return "connection.pay-at-table-check." + keySuffix();
    }

    /** A few words, for the audit trail. */
    public String labelKey() {
        return "connection.pay-at-table-outcome." + keySuffix();
    }

    private String keySuffix() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static PayAtTableCheckOutcome of(PushDeliveryOutcome outcome) {
        if (outcome.delivered()) {
            return OK;
        }
        return switch (outcome.failure()) {
            case UNKNOWN_RESTAURANT, GONE -> UNKNOWN_INSTALLATION;
            case BAD_TOKEN -> SIGNATURE_REFUSED;
            case REJECTED -> REJECTED;
            case TEMPORARY_ERROR -> SERVER_ERROR;
            case CERTIFICATE_INVALID -> CERTIFICATE_INVALID;
            case UNREACHABLE -> UNREACHABLE;
            case TIMED_OUT -> TIMED_OUT;
            case GARBAGE_BODY -> UNREADABLE_ANSWER;
            case ADDRESS_REFUSED -> ADDRESS_REFUSED;
        };
    }
}
