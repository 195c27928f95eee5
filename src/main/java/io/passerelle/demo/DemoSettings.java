package io.passerelle.demo;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo installation (profile {@code demo}). Credentials left empty are generated at the first start
 * and kept in {@code credentialsFile}, so the bundled simulator and an external POS can use them after
 * restarts too; none is ever committed.
 *
 * @param enabled         seed demo data at the first start on an empty database
 * @param password        the password of every demo account (listed in the README; demo only)
 * @param pull            the pull-style demo restaurant, as a POS sees it
 * @param push            the push-style demo restaurant (pay at table), as a POS sees it
 * @param simulator       the POS simulator started with the demo
 * @param credentialsFile where generated demo credentials are kept (owner-readable only)
 */
@ConfigurationProperties("passerelle.demo")
public record DemoSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("passerelle-demo") String password,
        @DefaultValue Pull pull,
        @DefaultValue Push push,
        @DefaultValue Simulator simulator,
        @DefaultValue("data/demo-pos.properties") Path credentialsFile) {

    /** @param restaurantId public ID of "Trattoria da Giulia"; @param apiKey its API key ({@code pk_...}) */
    public record Pull(@DefaultValue("271828") int restaurantId, String apiKey) {

        @Override
        public String toString() {
            return "Pull[restaurantId=" + restaurantId + ", apiKey given=" + (apiKey != null) + "]";
        }
    }

    /**
     * @param restaurantId  public ID of "Bistrot des Halles"
     * @param token         the token the POS authenticates with (Bearer)
     * @param webhookUrl    where deliveries go; empty: the bundled simulator
     * @param signingSecret {@code whsec_} + base64, what deliveries are signed with
     */
    public record Push(@DefaultValue("314159") int restaurantId, String token, String webhookUrl, String signingSecret) {

        @Override
        public String toString() {
            return "Push[restaurantId=" + restaurantId + ", webhookUrl=" + webhookUrl + ", token given="
                    + (token != null) + ", signingSecret given=" + (signingSecret != null) + "]";
        }
    }

    /**
     * @param enabled            start the simulator inside the demo
     * @param port               its port on 127.0.0.1
     * @param scenariosPerMinute random till activity (seatings, bills, walk-ins); 0 = only on command
     */
    public record Simulator(@DefaultValue("true") boolean enabled, @DefaultValue("8090") int port,
            @DefaultValue("4") double scenariosPerMinute) {

        /** The simulated till of the push restaurant, as the POS calls it. */
        public static final String PUSH_INSTALLATION = "bistrot-des-halles";

        public URI baseUrl() {
            return URI.create("http://127.0.0.1:" + port + "/");
        }

        public URI webhookUrl(String installation) {
            return baseUrl().resolve("webhooks/" + installation);
        }
    }

    /** Where push deliveries go: the configured URL, else the bundled simulator. */
    public String pushWebhookUrl() {
        return push.webhookUrl() == null || push.webhookUrl().isBlank()
                ? simulator.webhookUrl(Simulator.PUSH_INSTALLATION).toString()
                : push.webhookUrl();
    }

    @Override
    public String toString() {
        return "DemoSettings[enabled=" + enabled + ", pull=" + pull + ", push=" + push + ", simulator=" + simulator
                + ", credentialsFile=" + credentialsFile + "]";
    }

    public boolean pushGoesToSimulator() {
        return push.webhookUrl() == null || push.webhookUrl().isBlank();
    }
}
