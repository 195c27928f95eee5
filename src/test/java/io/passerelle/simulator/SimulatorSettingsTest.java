package io.passerelle.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorSettingsTest {

    private static final String PUSH_SPEC = "push:installationId=bistro-7,restaurantId=1043,token=tok_secret,"
            + "signingSecret=" + TestTills.SIGNING_SECRET + ",posVersion=2.0.16";

    @Test
    void startsFromDefaultsAVendorWouldShip() {
        SimulatorSettings settings = SimulatorSettings.parse(List.of(), Map.of());

        assertThat(settings.port()).isEqualTo(8090);
        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.passerelleUrl()).isEqualTo(URI.create("http://localhost:8080/api/partner/v1"));
        assertThat(settings.tables()).hasSize(12).startsWith("T1").endsWith("T12");
        assertThat(settings.knobs()).isEqualTo(Knobs.NONE);
        assertThat(settings.installations()).isEmpty();
    }

    @Test
    void readsOptionsAndLetsThemWinOverTheEnvironment() {
        SimulatorSettings settings = SimulatorSettings.parse(
                List.of("--port=9001", "--error-rate=0.25", "--out-of-order", "--poll-interval=500ms",
                        "--tables=T1..T3,Terrasse 1..Terrasse 2,Bar", "--passerelle-url=http://passerelle.test/api/partner/v1/"),
                Map.of("POS_SIM_PORT", "9002", "POS_SIM_ZONE", "Europe/Rome", "POS_SIM_SCENARIOS_PER_MINUTE", "6",
                        "POS_SIM_INSTALLATIONS", "pull:restaurantId=1042,apiKey=pk_1 " + PUSH_SPEC));

        assertThat(settings.port()).isEqualTo(9001);
        assertThat(settings.zone()).isEqualTo(ZoneId.of("Europe/Rome"));
        assertThat(settings.knobs().errorRate()).isEqualTo(0.25);
        assertThat(settings.knobs().outOfOrder()).isTrue();
        assertThat(settings.knobs().scenariosPerMinute()).isEqualTo(6);
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.passerelleUrl()).isEqualTo(URI.create("http://passerelle.test/api/partner/v1"));
        assertThat(settings.tables()).containsExactly("T1", "T2", "T3", "Terrasse 1", "Terrasse 2", "Bar");
        assertThat(settings.installations()).extracting(InstallationSettings::installationId)
                .containsExactly("1042", "bistro-7");
    }

    @Test
    void readsBothInstallationStylesKeepingBase64PaddingAndHidingCredentials() {
        InstallationSettings pull = InstallationSettings.parse("pull:restaurantId=1042,apiKey=pk_live_123,menu=fr");
        InstallationSettings push = InstallationSettings.parse(PUSH_SPEC);

        assertThat(pull.style()).isEqualTo(InstallationSettings.Style.PULL);
        assertThat(pull.apiKey()).isEqualTo("pk_live_123");
        assertThat(pull.menu()).isEqualTo(Menu.FRENCH);
        assertThat(push.signingSecret()).isEqualTo(TestTills.SIGNING_SECRET).endsWith("=");
        assertThat(push.signingKey()).hasSize(32);
        assertThat(push.menu()).as("a push-style till is the French one by default").isEqualTo(Menu.FRENCH);
        assertThat(pull + " " + push).doesNotContain("pk_live_123", "tok_secret", "whsec_");
        assertThat(InstallationSettings.pull("1042", "pk_1").menu()).isEqualTo(Menu.ITALIAN);
    }

    @Test
    void explainsWhatIsWrongWithAnInstallation() {
        assertThatThrownBy(() -> InstallationSettings.parse("push:restaurantId=1043,token=t"))
                .hasMessageContaining("signingSecret is required");
        assertThatThrownBy(() -> InstallationSettings.parse("push:restaurantId=1043,token=t,signingSecret=secret"))
                .hasMessageContaining("whsec_");
        assertThatThrownBy(() -> InstallationSettings.parse("pull:restaurantId=1042,apikey=pk_1"))
                .hasMessageContaining("unknown installation setting 'apikey'");
        assertThatThrownBy(() -> InstallationSettings.parse("poll:restaurantId=1042,apiKey=pk_live_123"))
                .hasMessageContaining("pull or push")
                .message().doesNotContain("pk_live_123");
    }

    @Test
    void refusesUnknownOptionsImpossibleKnobsAndTwinInstallations() {
        assertThatThrownBy(() -> SimulatorSettings.parse(List.of("--prot=8090"), Map.of()))
                .hasMessageContaining("--prot");
        assertThatThrownBy(() -> SimulatorSettings.parse(List.of("--error-rate=lots"), Map.of()))
                .hasMessageContaining("--error-rate must be a number");
        assertThatThrownBy(() -> SimulatorSettings.parse(List.of("--duplicate-rate=2"), Map.of()))
                .hasMessageContaining("duplicateRate must be between 0 and 1");
        assertThatThrownBy(() -> SimulatorSettings.parse(List.of("--installation=pull:restaurantId=1,apiKey=a",
                "--installation=pull:restaurantId=1,apiKey=b"), Map.of()))
                .hasMessageContaining("two installations are called 1");
    }
}
