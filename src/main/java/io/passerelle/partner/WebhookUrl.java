package io.passerelle.partner;

import io.passerelle.shared.RuleViolationException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An address of a POS that Passerelle calls: its webhook, or its pay-at-table server. HTTPS only (the
 * POS must hold a valid certificate); plain HTTP only for loopback, and only when
 * {@link WebhookUrlPolicy#allowInsecureLoopback()} is on (development). A host that resolves to a
 * private, link-local, loopback, unspecified or multicast address is refused unless
 * {@link WebhookUrlPolicy#allowPrivateAddresses()}: otherwise anyone who may edit a connection could
 * make Passerelle probe its own network (SSRF).
 *
 * <p>Checked when a connection is saved and again before every call ({@link #isStillAllowed}), since
 * DNS may answer differently later. A DNS answer that changes between that check and the HTTP
 * client's own lookup is not caught; closing that gap needs connecting to the checked address itself.
 */
public final class WebhookUrl {

    public static final int MAX_LENGTH = 2000;
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final URI uri;

    private WebhookUrl(URI uri) {
        this.uri = uri;
    }

    /**
     * @param field the input field to blame in the {@link RuleViolationException} thrown when the text is refused
     */
    public static WebhookUrl parse(String text, WebhookUrlPolicy policy, String field) {
        URI uri = toUri(text).orElseThrow(() -> Refusal.INVALID.exception(field));
        refusal(uri, policy).ifPresent(refusal -> {
            throw refusal.exception(field);
        });
        return new WebhookUrl(uri);
    }

    /**
     * A URL that passed {@link #parse} when it was saved, read back from storage. Not checked again here:
     * {@link #isStillAllowed} runs before every call.
     */
    public static WebhookUrl restore(String storedValue) {
        return new WebhookUrl(toUri(storedValue).orElseThrow(
                () -> new IllegalStateException("A stored POS address is not a URL any more")));
    }

    /** Call-time check. A host that no longer resolves is let through: the call then fails as unreachable. */
    public boolean isStillAllowed(WebhookUrlPolicy policy) {
        return refusal(uri, policy).filter(refusal -> refusal != Refusal.UNRESOLVABLE).isEmpty();
    }

    public URI uri() {
        return uri;
    }

    /** The URL exactly as stored. */
    public String value() {
        return uri.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookUrl that && uri.equals(that.uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    /** Without the query or user info: some POS systems put a key there, and this may end up in a log. */
    @Override
    public String toString() {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static Optional<URI> toUri(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean wellFormed = uri.isAbsolute() && (scheme.equals("https") || scheme.equals("http"))
                    && uri.getHost() != null && uri.getRawUserInfo() == null;
            return wellFormed ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<Refusal> refusal(URI uri, WebhookUrlPolicy policy) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        // Plain HTTP is decided on the name alone: a non-loopback name is never resolved for it.
        if (!https && !(policy.allowInsecureLoopback() && isLoopbackLiteral(host))) {
            return Optional.of(Refusal.HTTPS_REQUIRED);
        }
        InetAddress[] addresses;
        try {
            addresses = host.equals("localhost")
                    ? new InetAddress[] {InetAddress.getLoopbackAddress()}
                    : policy.resolver().resolve(stripBrackets(host));
        } catch (UnknownHostException | SecurityException e) {
            return Optional.of(Refusal.UNRESOLVABLE);
        }
        for (InetAddress address : addresses) {
            if (!isAllowed(address, policy)) {
                return Optional.of(Refusal.PRIVATE_ADDRESS);
            }
        }
        return Optional.empty();
    }

    private static boolean isAllowed(InetAddress address, WebhookUrlPolicy policy) {
        if (policy.allowPrivateAddresses()) {
            return true;
        }
        if (address.isLoopbackAddress()) {
            return policy.allowInsecureLoopback();
        }
        return isPublic(address);
    }

    private static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            boolean thisNetwork = first == 0;
            boolean sharedAddressSpace = first == 100 && (second & 0xc0) == 64; // 100.64.0.0/10, carrier NAT
            boolean broadcast = first == 255;
            return !(thisNetwork || sharedAddressSpace || broadcast);
        }
        boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc; // fc00::/7
        return !uniqueLocal;
    }

    private static boolean isLoopbackLiteral(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        if (!IPV4_LITERAL.matcher(host).matches() && !host.startsWith("[")) {
            return false;
        }
        try {
            // an IP literal: parsed locally, no DNS query
            return InetAddress.getByName(stripBrackets(host)).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private enum Refusal {
        INVALID("partner.url.invalid", "Not a valid https:// address"),
        HTTPS_REQUIRED("partner.url.https-required", "The address must start with https://"),
        PRIVATE_ADDRESS("partner.url.private-address", "The address points to a private or local network"),
        UNRESOLVABLE("partner.url.unresolvable", "The host name of the address cannot be found");

        private final String messageKey;
        private final String englishMessage;

        Refusal(String messageKey, String englishMessage) {
            this.messageKey = messageKey;
            this.englishMessage = englishMessage;
        }

        RuleViolationException exception(String field) {
            return new RuleViolationException(field, messageKey, englishMessage);
        }
    }
}
