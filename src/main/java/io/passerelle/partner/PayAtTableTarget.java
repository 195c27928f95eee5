package io.passerelle.partner;

import java.util.Objects;

/**
 * Where a restaurant's POS serves pay at table: its "server" and "installation ID" (DOMAIN.md), and the
 * connection's signing secret, with which Passerelle signs its calls there as it signs its webhooks.
 *
 * @param signingSecret in clear: keep this object short-lived
 */
public record PayAtTableTarget(WebhookUrl server, String installationId, String signingSecret) {

    public PayAtTableTarget {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(installationId, "installationId");
        Objects.requireNonNull(signingSecret, "signingSecret");
    }

    @Override
    public String toString() {
        return "PayAtTableTarget[" + server + ", installation " + installationId + "]";
    }
}
