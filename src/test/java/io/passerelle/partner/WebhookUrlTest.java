package io.passerelle.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.passerelle.shared.RuleViolationException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No test here asks a real DNS server: IP literals, "localhost", or the fake resolver below. */
class WebhookUrlTest {

    /** Host names of the tests and what they resolve to. */
    private static final Map<String, String> DNS = Map.of(
            "pos.example.test", "203.0.113.10",
            "internal.example.test", "10.0.0.5",
            "metadata.example.test", "169.254.169.254");

    private static final WebhookUrlPolicy.HostResolver FAKE_DNS = host -> {
        String address = DNS.get(host);
        if (address == null) {
            // an IP literal: parsed locally; anything else is unknown
            if (host.matches("[0-9.]+") || host.contains(":")) {
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    };
    private static final WebhookUrlPolicy.HostResolver NO_DNS = host -> fail("resolved " + host);

    private static final WebhookUrlPolicy PRODUCTION = new WebhookUrlPolicy(false, false, FAKE_DNS);
    private static final WebhookUrlPolicy DEVELOPMENT = new WebhookUrlPolicy(true, false, FAKE_DNS);
    private static final WebhookUrlPolicy PRIVATE_ALLOWED = new WebhookUrlPolicy(false, true, FAKE_DNS);

    @Test
    void whatMayReachALogHoldsNoQuery() {
        WebhookUrl url = WebhookUrl.parse("https://pos.example.test:8443/hooks/passerelle?key=abc123",
                PRODUCTION, "webhookUrl");

        assertThat(url.toString()).isEqualTo("https://pos.example.test:8443/hooks/passerelle")
                .doesNotContain("abc123");
        assertThat(url.value()).as("stored as given").contains("key=abc123");
    }

    @Test
    void acceptsHttpsToPublicAddresses() {
        assertThat(WebhookUrl.parse("https://pos.example.test/hooks/zc?x=1", PRODUCTION, "webhookUrl").value())
                .isEqualTo("https://pos.example.test/hooks/zc?x=1");
        assertThat(WebhookUrl.parse("  https://203.0.113.7:8443/w  ", PRODUCTION, "webhookUrl").uri().getPort())
                .isEqualTo(8443);
    }

    @Test
    void refusesPlainHttpToAnyOtherHostWithoutResolvingIt() {
        var development = new WebhookUrlPolicy(true, false, NO_DNS);
        assertRefused("http://example.com", development, "partner.url.https-required");
        assertRefused("http://pos.example.test/hook", PRODUCTION, "partner.url.https-required");
        assertRefused("http://203.0.113.10/hook", development, "partner.url.https-required");
    }

    @Test
    void allowsLoopbackHttpOnlyWhenConfigured() {
        assertRefused("http://127.0.0.1:8080/hook", PRODUCTION, "partner.url.https-required");
        assertRefused("http://localhost:8080/hook", PRODUCTION, "partner.url.https-required");
        assertRefused("https://127.0.0.1/hook", PRODUCTION, "partner.url.private-address");

        assertThat(WebhookUrl.parse("http://127.0.0.1:8080/hook", DEVELOPMENT, "webhookUrl")).isNotNull();
        assertThat(WebhookUrl.parse("http://localhost:8080/hook", DEVELOPMENT, "webhookUrl")).isNotNull();
        assertThat(WebhookUrl.parse("http://[::1]:8080/hook", DEVELOPMENT, "webhookUrl")).isNotNull();
        // loopback yes, the private network still no
        assertRefused("https://10.0.0.1/hook", DEVELOPMENT, "partner.url.private-address");
    }

    @Test
    void refusesPrivateLinkLocalUnspecifiedAndMulticastAddressesInProduction() {
        for (String url : new String[] {"https://10.1.2.3/h", "https://172.16.0.1/h", "https://172.31.255.254/h",
                "https://192.168.1.10/h", "https://169.254.169.254/latest/meta-data", "https://[fe80::1]/h",
                "https://[fd12:3456::1]/h", "https://0.0.0.0/h", "https://[::]/h", "https://224.0.0.1/h",
                "https://100.64.0.1/h", "https://[::ffff:10.0.0.1]/h", "https://[::1]/h"}) {
            assertRefused(url, PRODUCTION, "partner.url.private-address");
            assertThat(WebhookUrl.parse(url, PRIVATE_ALLOWED, "webhookUrl")).as(url).isNotNull();
        }
        assertThat(WebhookUrl.parse("https://172.32.0.1/h", PRODUCTION, "webhookUrl")).isNotNull();
    }

    @Test
    void refusesNamesThatResolveToPrivateAddresses() {
        assertRefused("https://internal.example.test/hook", PRODUCTION, "partner.url.private-address");
        assertRefused("https://metadata.example.test/", PRODUCTION, "partner.url.private-address");
        assertThat(WebhookUrl.parse("https://internal.example.test/hook", PRIVATE_ALLOWED, "webhookUrl")).isNotNull();
    }

    @Test
    void refusesUnknownHostsAtSaveButLetsThemFailAsUnreachableAtCallTime() {
        assertRefused("https://nowhere.example.test/hook", PRODUCTION, "partner.url.unresolvable");
        var url = WebhookUrl.parse("https://nowhere.example.test/hook", new WebhookUrlPolicy(false, false,
                host -> new InetAddress[] {InetAddress.getByName("203.0.113.1")}), "webhookUrl");
        assertThat(url.isStillAllowed(PRODUCTION)).isTrue();
    }

    @Test
    void checksAgainAtCallTimeWhenDnsNowAnswersAPrivateAddress() {
        var url = WebhookUrl.parse("https://pos.example.test/hook", PRODUCTION, "webhookUrl");
        var rebound = new WebhookUrlPolicy(false, false, host -> new InetAddress[] {InetAddress.getByName("10.9.8.7")});

        assertThat(url.isStillAllowed(PRODUCTION)).isTrue();
        assertThat(url.isStillAllowed(rebound)).isFalse();
        assertThat(WebhookUrl.restore(url.value()).isStillAllowed(rebound)).isFalse();
    }

    @Test
    void refusesWhatIsNotAnHttpAddress() {
        for (String text : new String[] {"", "   ", "pos.example.test/hook", "ftp://pos.example.test/x",
                "https://user:secret@pos.example.test/x", "https:///only-a-path", "https://exa mple.test/",
                "https://pos.example.test/" + "a".repeat(WebhookUrl.MAX_LENGTH)}) {
            assertRefused(text, PRODUCTION, "partner.url.invalid");
        }
        assertRefused(null, PRODUCTION, "partner.url.invalid");
    }

    @Test
    void blamesTheGivenFieldAndKeepsTheQueryOutOfItsText() {
        assertThatThrownBy(() -> WebhookUrl.parse("http://example.com", PRODUCTION, "payAtTableServer"))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.field()).isEqualTo("payAtTableServer"));
        assertThat(WebhookUrl.parse("https://pos.example.test/hook?key=s3cret", PRODUCTION, "webhookUrl"))
                .hasToString("https://pos.example.test/hook");
    }

    private static void assertRefused(String text, WebhookUrlPolicy policy, String messageKey) {
        assertThatThrownBy(() -> WebhookUrl.parse(text, policy, "webhookUrl")).as(text)
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.messageKey()).as(text).isEqualTo(messageKey);
                    assertThat(e.field()).isEqualTo("webhookUrl");
                });
    }
}
