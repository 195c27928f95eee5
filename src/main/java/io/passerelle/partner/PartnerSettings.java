package io.passerelle.partner;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbound calls to POS systems.
 *
 * @param connectTimeout        how long to wait for a TCP/TLS connection to the POS
 * @param readTimeout           how long to wait for the POS's complete answer once the request is sent
 * @param allowInsecureLoopback development only: plain HTTP, and loopback addresses, for a POS on this machine
 * @param allowPrivateAddresses call POS addresses in private or link-local ranges (a POS on the same private
 *                              network as an on-premises Passerelle); off by default, since it lets anyone who
 *                              can edit a connection probe the internal network (SSRF)
 */
@ConfigurationProperties("passerelle.partners")
public record PartnerSettings(
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("false") boolean allowInsecureLoopback,
        @DefaultValue("false") boolean allowPrivateAddresses) {

    public WebhookUrlPolicy webhookUrlPolicy() {
        return new WebhookUrlPolicy(allowInsecureLoopback, allowPrivateAddresses, WebhookUrlPolicy.SYSTEM_RESOLVER);
    }
}
