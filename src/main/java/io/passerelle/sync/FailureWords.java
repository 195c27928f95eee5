package io.passerelle.sync;

import io.passerelle.partner.CallFailure;

/** Why a delivery failed, in words for the sync log (people read it, not only developers). */
final class FailureWords {

    static final String CONNECTION_DISABLED = "CONNECTION_DISABLED";

    private FailureWords() {}

    static String describe(MessageType type, CallFailure failure, int httpStatus) {
        return switch (type) {
            case BILL_FETCH -> failure == CallFailure.UNKNOWN_RESTAURANT
                    ? "The POS has no open bill on that table, or does not know the installation ID (HTTP 404)"
                    : describe(failure, httpStatus);
            case BILL_PAYMENT -> switch (failure) {
                case UNKNOWN_RESTAURANT -> "The POS does not know this bill, or the installation ID (HTTP 404)";
                case REJECTED -> "The POS refused the payment (HTTP " + httpStatus + "): the bill may be settled"
                        + " already; check it at the till";
                default -> describe(failure, httpStatus);
            };
            case UPSERTED, MISSED -> describe(failure, httpStatus);
        };
    }

    private static String describe(CallFailure failure, int httpStatus) {
        return switch (failure) {
            case BAD_TOKEN -> "The POS did not accept Passerelle's signature or token (HTTP " + httpStatus + ")";
            case UNKNOWN_RESTAURANT -> "The POS does not know this restaurant (HTTP 404)";
            case GONE -> "The POS removed this connection (HTTP 410): it was disabled; reconnect it in the POS, then"
                    + " enable it again";
            case REJECTED -> "The POS refused this reservation (HTTP " + httpStatus + "): it will not be retried";
            case TEMPORARY_ERROR -> "The POS is busy or failing (HTTP " + httpStatus + "): retrying later";
            case CERTIFICATE_INVALID -> "The POS's certificate is invalid, expired or for another name";
            case UNREACHABLE -> "The POS could not be reached: retrying later";
            case TIMED_OUT -> "The POS did not answer in time: retrying later";
            case GARBAGE_BODY -> "The POS answered with something that is not the protocol";
            case ADDRESS_REFUSED -> "The webhook address now points to a private or local network: refused";
        };
    }
}
