package io.passerelle.simulator;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running POS simulator: one HTTP port serving the tills' webhooks, pay at table and the control API, plus
 * the pull poller, the event outboxes and the random scenario player. Start one with {@link #start}, stop it
 * with {@link #stop} (or try-with-resources); several may run side by side on different ports.
 */
public final class PosSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PosSimulator.class);

    private final SimulatorSettings settings;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final PasserelleClient passerelle;
    private final Map<String, Till> tills;
    private final ReservationPoller poller;
    private final ScenarioPlayer player;
    private final CountDownLatch stopping = new CountDownLatch(1);

    private PosSimulator(SimulatorSettings settings, Clock clock) {
        this.settings = settings;
        Activity activity = new Activity(clock);
        LiveKnobs knobs = new LiveKnobs(settings.knobs());
        passerelle = new PasserelleClient(settings.passerelleUrl(), settings.requestTimeout());
        Map<String, Till> byId = new LinkedHashMap<>();
        for (InstallationSettings installation : settings.installations()) {
            EventOutbox outbox = new EventOutbox(installation, passerelle, knobs, activity, settings.sendAttempts(),
                    settings.retryBackoff());
            byId.put(installation.installationId(),
                    new Till(installation, settings.tables(), settings.currency(), clock, outbox, activity));
        }
        tills = Collections.unmodifiableMap(byId);
        List<Till> all = List.copyOf(byId.values());
        poller = new ReservationPoller(all, passerelle, settings.pollInterval(), clock, activity);
        player = new ScenarioPlayer(all, knobs, activity);
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
        } catch (IOException e) {
            passerelle.close();
            throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port()
                    + " (is another simulator running? choose another --port)", e);
        }
        server.setExecutor(handlers);
        FaultInjector faults = new FaultInjector(knobs, activity, stopping);
        HttpContext webhooks = server.createContext(WebhookReceiver.PREFIX,
                Exchanges.guarded(new WebhookReceiver(tills, clock, activity)));
        webhooks.getFilters().add(faults);
        HttpContext payAtTable = server.createContext(PayAtTableEndpoint.PREFIX,
                Exchanges.guarded(new PayAtTableEndpoint(tills)));
        payAtTable.getFilters().add(faults);
        server.createContext(ControlApi.PREFIX, Exchanges.guarded(new ControlApi(tills, knobs, activity, passerelle,
                poller, settings.passerelleUrl(), OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS))));
        server.createContext("/", Exchanges.guarded(exchange -> {
            throw PosProblem.notFound("the till serves /webhooks/{installationId}, /installations/{installationId}/..."
                    + " and /control/state");
        }));
    }

    /** Starts a simulator on the system clock, in the settings' time zone. */
    public static PosSimulator start(SimulatorSettings settings) {
        return start(settings, Clock.system(settings.zone()));
    }

    /** Starts a simulator whose "now" comes from {@code clock} (shown in the settings' time zone). */
    public static PosSimulator start(SimulatorSettings settings, Clock clock) {
        PosSimulator simulator = new PosSimulator(settings, clock.withZone(settings.zone()));
        simulator.server.start();
        simulator.tills.values().forEach(till -> till.outbox().start());
        simulator.poller.start();
        simulator.player.start();
        log.info("POS simulator listening on {} for {} installation(s), talking to {}", simulator.baseUrl(),
                settings.installations().size(), settings.passerelleUrl());
        settings.installations().forEach(installation -> log.info("  {}{}", installation,
                installation.style() == InstallationSettings.Style.PUSH
                        ? ", webhook URL " + simulator.webhookUrl(installation.installationId())
                        : ""));
        return simulator;
    }

    /** The port actually listened on (useful with port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Where the simulator answers: the pay-at-table "server" of every installation, and the control API. */
    public URI baseUrl() {
        String host = settings.host().equals("0.0.0.0") ? "localhost" : settings.host();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    /** The webhook URL to give Passerelle for a push-style installation. */
    public URI webhookUrl(String installationId) {
        return baseUrl().resolve(WebhookReceiver.PREFIX + installationId);
    }

    /** Stops serving, pulling, playing and delivering; undelivered events are dropped. Safe to call twice. */
    public void stop() {
        if (stopping.getCount() == 0) {
            return;
        }
        stopping.countDown();
        player.stop();
        poller.stop();
        tills.values().forEach(till -> till.outbox().stop());
        server.stop(0);
        handlers.shutdownNow();
        passerelle.close();
        log.info("POS simulator on port {} stopped", port());
    }

    /** Blocks until {@link #stop} is called (from a shutdown hook, say). */
    public void awaitStop() throws InterruptedException {
        stopping.await();
    }

    @Override
    public void close() {
        stop();
    }
}
