package io.passerelle.connection;

import io.passerelle.partner.PartnerEventType;
import io.passerelle.partner.WebhookUrl;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * What a person enters for a connection. Which fields a partner needs depends on it (see
 * {@link io.passerelle.partner.PartnerDescriptor}); fields it does not use are ignored.
 *
 * @param webhookUrl       push: the POS's webhook URL
 * @param token            push: the token the POS gave; on update, null or blank keeps the current one
 * @param payAtTableServer push with pay at table: the POS "server" URL, together with the installation ID
 * @param events           which of the partner's events the POS sends
 */
public record ConnectionDetails(
        @Size(max = WebhookUrl.MAX_LENGTH) String webhookUrl,
        @Size(max = PartnerConnection.TOKEN_MAX_LENGTH) String token,
        @Size(max = WebhookUrl.MAX_LENGTH) String payAtTableServer,
        @Size(max = PartnerConnection.INSTALLATION_ID_MAX_LENGTH) String installationId,
        @NotNull Set<PartnerEventType> events,
        boolean enabled) {

    @Override
    public String toString() {
        return "ConnectionDetails[webhookUrl given=" + (webhookUrl != null) + ", token given=" + (token != null)
                + ", events=" + events + ", enabled=" + enabled + "]";
    }
}
