package io.passerelle.partner;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which POS addresses Passerelle may call: see {@link PartnerSettings}. The resolver is a parameter so
 * that tests can make a host name resolve to a private address without touching DNS.
 */
public record WebhookUrlPolicy(boolean allowInsecureLoopback, boolean allowPrivateAddresses, HostResolver resolver) {

    public static final HostResolver SYSTEM_RESOLVER = InetAddress::getAllByName;

    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }
}
