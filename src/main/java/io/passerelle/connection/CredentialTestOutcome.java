package io.passerelle.connection;

import io.passerelle.partner.PosVersion;
import io.passerelle.partner.PushDeliveryOutcome;
import java.util.Locale;

/** The answer of "Test credentials", each told in plain words under {@link #messageKey()}. */
public enum CredentialTestOutcome {
    /** Push: the POS answered and its version is at least the partner's minimum. */
    OK(true),
    /** Push: the POS answered without telling its version. */
    OK_VERSION_UNKNOWN(true),
    /** Push or pull: the POS reported a version below the partner's minimum. */
    POS_TOO_OLD(false),
    UNKNOWN_RESTAURANT(false),
    BAD_TOKEN(false),
    CONNECTION_REMOVED(false),
    REJECTED(false),
    POS_ERROR(false),
    CERTIFICATE_INVALID(false),
    UNREACHABLE(false),
    TIMED_OUT(false),
    UNREADABLE_ANSWER(false),
    ADDRESS_REFUSED(false),
    /** Pull: the POS has called Passerelle with valid credentials. */
    SEEN(true),
    /** Pull: the POS has never called Passerelle with valid credentials. */
    NEVER_SEEN(false);

    private final boolean success;

    CredentialTestOutcome(boolean success) {
        this.success = success;
    }

    public boolean success() {
        return success;
    }

    /** The full sentence; arguments {0} the POS version, {1} the partner's minimum, {2} when. */
    public String messageKey() {
        return "connection.test." + keySuffix();
    }

    /** A few words, for cards and the audit trail. */
    public String labelKey() {
        return "connection.outcome." + keySuffix();
    }

    private String keySuffix() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static CredentialTestOutcome of(PushDeliveryOutcome outcome, PosVersion minimum) {
        if (outcome.delivered()) {
            return outcome.reportedPosVersion().map(version -> version.isAtLeast(minimum) ? OK : POS_TOO_OLD)
                    .orElse(OK_VERSION_UNKNOWN);
        }
        return switch (outcome.failure()) {
            case BAD_TOKEN -> BAD_TOKEN;
            case UNKNOWN_RESTAURANT -> UNKNOWN_RESTAURANT;
            case GONE -> CONNECTION_REMOVED;
            case REJECTED -> REJECTED;
            case TEMPORARY_ERROR -> POS_ERROR;
            case CERTIFICATE_INVALID -> CERTIFICATE_INVALID;
            case UNREACHABLE -> UNREACHABLE;
            case TIMED_OUT -> TIMED_OUT;
            case GARBAGE_BODY -> UNREADABLE_ANSWER;
            case ADDRESS_REFUSED -> ADDRESS_REFUSED;
        };
    }

    static CredentialTestOutcome ofLastContact(PartnerConnection connection, PosVersion minimum) {
        if (connection.getLastSeenAt().isEmpty()) {
            return NEVER_SEEN;
        }
        return connection.getLastSeenPosVersion().filter(version -> !version.isAtLeast(minimum))
                .map(tooOld -> POS_TOO_OLD)
                .orElse(SEEN);
    }
}
