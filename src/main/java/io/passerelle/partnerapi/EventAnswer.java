package io.passerelle.partnerapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The answer to one event: the body of a single-event reply, and one entry of a batch reply's {@code results}.
 * Stored with the event, so the same eventId again gets the very same answer.
 *
 * @param status        202 accepted; otherwise the status of the problem
 * @param effect        what the event did (SEATED, MATCHED, WALK_IN_CREATED, FINISHED, NO_CHANGE); accepted only
 * @param reservationId the reservation concerned, when known
 * @param problem       why it was refused; refused only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EventAnswer(String eventId, int status, String effect, String reservationId, Map<String, Object> problem) {

    static final int ACCEPTED = 202;

    static EventAnswer accepted(String eventId, String effect, String reservationId) {
        return new EventAnswer(eventId, ACCEPTED, effect, reservationId, null);
    }

    static EventAnswer refused(String eventId, Problem problem, String reservationId) {
        return new EventAnswer(eventId, problem.status(), null, reservationId, problem.body());
    }

    boolean isAccepted() {
        return status == ACCEPTED;
    }
}
