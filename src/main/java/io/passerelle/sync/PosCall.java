package io.passerelle.sync;

import io.passerelle.partner.PushDeliveryOutcome;

/**
 * One call the relay made to a POS for an outbox message, and what its outcome means for Passerelle's own state:
 * run in the transaction that records the outcome, so the message and that state change together. A webhook's
 * acknowledgement (the POS's delivery state) is written by the relay itself, batched with the rest of its batch.
 *
 * @param response         what the POS answered, for the sync log (null when it says nothing worth keeping)
 * @param anySuccessCounts a 2xx acknowledges whatever its body (webhooks); otherwise only an answer that could be
 *                         read does (a bill, a receipt)
 * @param onAcknowledged   what the POS's acknowledgement changes here
 * @param onFailedForGood  what giving up changes here
 */
record PosCall(PushDeliveryOutcome outcome, String response, boolean anySuccessCounts, Runnable onAcknowledged,
        Runnable onFailedForGood) {

    boolean acknowledged() {
        return outcome.delivered() || anySuccessCounts && outcome.httpStatus() >= 200 && outcome.httpStatus() < 300;
    }
}
