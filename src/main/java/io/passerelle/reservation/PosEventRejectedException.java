package io.passerelle.reservation;

/**
 * An event from the POS that the reservation book refuses; nothing of it was applied. The reason's code is the
 * sync log's error code ({@code synclog.error.<code>}).
 */
public class PosEventRejectedException extends RuntimeException {

    public enum Reason {
        RESERVATION_NOT_FOUND("reservation_not_found"),
        /** DOMAIN rule 7: only a confirmed reservation can be seated. */
        RESERVATION_NOT_CONFIRMED("reservation_not_confirmed"),
        /** The POS reused an order id for another reservation. */
        ORDER_OF_ANOTHER_RESERVATION("order_of_another_reservation");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;
    private final Long reservationId;

    PosEventRejectedException(Reason reason, Long reservationId, String detail) {
        super(detail);
        this.reason = reason;
        this.reservationId = reservationId;
    }

    public Reason reason() {
        return reason;
    }

    /** The reservation concerned, or null. */
    public Long reservationId() {
        return reservationId;
    }
}
