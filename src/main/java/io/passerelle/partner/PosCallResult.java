package io.passerelle.partner;

/**
 * What came of a call to a POS that answers with data: how the call went, and the answer when it succeeded.
 *
 * @param answer null unless {@code outcome.delivered()}
 */
public record PosCallResult<T>(PushDeliveryOutcome outcome, T answer) {

    public static <T> PosCallResult<T> failed(PushDeliveryOutcome outcome) {
        return new PosCallResult<>(outcome, null);
    }
}
