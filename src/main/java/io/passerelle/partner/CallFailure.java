package io.passerelle.partner;

/**
 * Why a call to a POS did not succeed, in the terms a person or the sync engine acts on. Only
 * {@link #retryable()} failures are worth trying again unchanged; the others need someone to fix
 * the connection (or the POS) first.
 */
public enum CallFailure {
    /** 401 or 403: the POS does not accept our credentials. */
    BAD_TOKEN(false),
    /** 404: the POS does not know this restaurant. */
    UNKNOWN_RESTAURANT(false),
    /** 410: the POS removed this connection on its side. */
    GONE(false),
    /** Any other 4xx: the POS refused this message. */
    REJECTED(false),
    /** 408, 429 or 5xx: the POS is busy or failing; try later, after Retry-After when given. */
    TEMPORARY_ERROR(true),
    /** The TLS handshake failed: the POS's certificate is invalid, expired or for another name. */
    CERTIFICATE_INVALID(false),
    /** No connection: refused, host unknown, network unreachable. */
    UNREACHABLE(true),
    /** Connected, but no answer within the timeout. */
    TIMED_OUT(true),
    /** A success status with an answer that is not what the protocol describes. */
    GARBAGE_BODY(false),
    /** The webhook URL now resolves to an address Passerelle must not call (private, loopback...). */
    ADDRESS_REFUSED(false);

    private final boolean retryable;

    CallFailure(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
