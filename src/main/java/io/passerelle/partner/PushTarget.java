package io.passerelle.partner;

import java.util.Objects;

/**
 * Where and how to reach one restaurant's push-style POS.
 *
 * @param signingSecret the connection's {@code whsec_...} secret, in clear: keep this object short-lived
 */
public record PushTarget(WebhookUrl webhookUrl, String signingSecret, int restaurantPublicId) {

    public PushTarget {
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(signingSecret, "signingSecret");
    }

    @Override
    public String toString() {
        return "PushTarget[" + webhookUrl + ", restaurant " + restaurantPublicId + "]";
    }
}
