package io.passerelle.demo;

import io.passerelle.simulator.InstallationSettings;
import io.passerelle.simulator.Knobs;
import io.passerelle.simulator.PosSimulator;
import io.passerelle.simulator.SimulatorSettings;
import java.net.URI;
import java.util.ArrayList;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Starts the bundled POS simulator once Passerelle listens: one pull till for the Italian demo restaurant,
 * one push till with pay at table for the French one (unless the push restaurant's webhook URL points
 * at an external POS), playing random scenarios so the demo shows live traffic.
 */
@Component
@ConditionalOnBooleanProperty(name = {"passerelle.demo.enabled", "passerelle.demo.simulator.enabled"})
class DemoPosSimulator implements ApplicationListener<WebServerInitializedEvent>, DisposableBean {

    static final String PUSH_POS_VERSION = "2.1.4";

    private final DemoSettings settings;
    private final DemoPosCredentials credentials;
    private PosSimulator simulator;

    DemoPosSimulator(DemoSettings settings, DemoPosCredentials credentials) {
        this.settings = settings;
        this.credentials = credentials;
    }

    @Override
    public synchronized void onApplicationEvent(WebServerInitializedEvent event) {
        if (simulator != null || event.getApplicationContext().getParent() != null) {
            return;
        }
        var installations = new ArrayList<InstallationSettings>();
        installations.add(InstallationSettings.pull(Integer.toString(settings.pull().restaurantId()),
                credentials.pullApiKey));
        if (settings.pushGoesToSimulator()) {
            installations.add(InstallationSettings.push(DemoSettings.Simulator.PUSH_INSTALLATION, Integer.toString(settings.push().restaurantId()),
                    credentials.pushToken, credentials.pushSigningSecret, PUSH_POS_VERSION));
        }
        Knobs liveTraffic = new Knobs(0, 0, 0, 500, 30, 0, 60_000, false, 0, false,
                settings.simulator().scenariosPerMinute());
        simulator = PosSimulator.start(SimulatorSettings.defaults()
                .withPort(settings.simulator().port())
                .withPasserelleUrl(URI.create("http://127.0.0.1:" + event.getWebServer().getPort() + "/api/partner/v1"))
                .withInstallations(installations)
                .withKnobs(liveTraffic));
    }

    @Override
    public synchronized void destroy() {
        if (simulator != null) {
            simulator.stop();
        }
    }
}
