package io.passerelle.reservation;

/**
 * What an event from the POS did.
 *
 * @param reservationId the reservation it concerned (a new walk-in's too), or null
 * @param tableUnmapped the POS named a table no dining table of the restaurant is called: kept as text, to map
 */
public record PosEventOutcome(Effect effect, Long reservationId, boolean tableUnmapped) {

    public enum Effect {
        /** The reservation was seated; or a further order of a party seated before was stored, the status kept. */
        SEATED,
        /** An order opened without a reservation was matched to the confirmed reservation on its table. */
        MATCHED,
        WALK_IN_CREATED,
        FINISHED,
        /** Already done before (the same order opened or closed again, or late): accepted, nothing changed. */
        NO_CHANGE
    }
}
