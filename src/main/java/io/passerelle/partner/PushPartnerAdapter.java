package io.passerelle.partner;

/**
 * A partner Passerelle calls: every outbound call to its POS goes through here, signed, with explicit
 * timeouts and without retrying (retries live in one layer only, the sync engine).
 */
public interface PushPartnerAdapter extends PartnerAdapter {

    /** The credential test of PROTOCOL.md: a signed {@code connection.test} message. */
    PushDeliveryOutcome testConnection(PushTarget target);

    /**
     * Delivers one message.
     *
     * @param messageId unique per message and the same on every retry of it (the POS de-duplicates by it)
     * @param jsonBody  the message as it travels; signed exactly as given
     */
    PushDeliveryOutcome deliver(PushTarget target, String messageId, byte[] jsonBody);
}
