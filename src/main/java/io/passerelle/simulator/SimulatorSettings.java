package io.passerelle.simulator;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the simulator is started. Read from the command line and the environment by {@link #parse}; every
 * option and its environment variable are listed in {@link PosSimulatorMain#USAGE} and docs/pos-simulator.md.
 *
 * @param host the address to listen on; loopback unless told otherwise, the control API has no login
 * @param port the one port serving webhooks, pay at table and the control API; 0 picks a free one
 * @param passerelleUrl Passerelle's partner API base, e.g. {@code http://localhost:8080/api/partner/v1}
 * @param installations the tills being played
 * @param tables the floor plan every installation starts with
 * @param knobs the fault and pace knobs at start (they change at run time through the control API)
 * @param pollInterval pull style: how often reservations are pulled; zero pulls only on command
 * @param zone the restaurants' time zone: event times and the pull window's dates
 * @param currency the currency of the menus and bills
 * @param sendAttempts how many times one event is tried before it is given up
 * @param retryBackoff the wait before the first retry, doubled at each further one
 * @param requestTimeout how long one call to Passerelle may take
 */
public record SimulatorSettings(
        String host,
        int port,
        URI passerelleUrl,
        List<InstallationSettings> installations,
        List<String> tables,
        Knobs knobs,
        Duration pollInterval,
        ZoneId zone,
        String currency,
        int sendAttempts,
        Duration retryBackoff,
        Duration requestTimeout) {

    public static final int DEFAULT_PORT = 8090;
    public static final URI DEFAULT_PASSERELLE_URL = URI.create("http://localhost:8080/api/partner/v1");

    public SimulatorSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(passerelleUrl, "passerelleUrl");
        Objects.requireNonNull(knobs, "knobs");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(currency, "currency");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        installations = List.copyOf(installations);
        tables = List.copyOf(tables);
        Set<String> ids = new HashSet<>();
        for (InstallationSettings installation : installations) {
            if (!ids.add(installation.installationId())) {
                throw new IllegalArgumentException("two installations are called " + installation.installationId()
                        + ": give them distinct installationId values");
            }
        }
        if (tables.isEmpty() || new HashSet<>(tables).size() != tables.size()) {
            throw new IllegalArgumentException("the floor plan needs at least one table and distinct table names");
        }
        if (sendAttempts < 1) {
            throw new IllegalArgumentException("sendAttempts must be at least 1");
        }
        if (pollInterval.isNegative() || retryBackoff.isNegative() || !requestTimeout.isPositive()) {
            throw new IllegalArgumentException("durations must not be negative, and requestTimeout must be positive");
        }
    }

    /** No installations yet, port 8090, Passerelle on localhost:8080, tables T1..T12, no faults. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings("127.0.0.1", DEFAULT_PORT, DEFAULT_PASSERELLE_URL, List.of(),
                SettingsParser.tables("T1..T12"), Knobs.NONE, Duration.ofSeconds(60), ZoneId.systemDefault(), "EUR",
                5, Duration.ofMillis(500), Duration.ofSeconds(10));
    }

    /** Command-line options ({@code --port=8091}) win over environment variables ({@code POS_SIM_PORT=8091}). */
    public static SimulatorSettings parse(List<String> args, Map<String, String> environment) {
        return new SettingsParser(args, environment).parse(defaults());
    }

    public SimulatorSettings withPort(int newPort) {
        return new SimulatorSettings(host, newPort, passerelleUrl, installations, tables, knobs, pollInterval, zone,
                currency, sendAttempts, retryBackoff, requestTimeout);
    }

    public SimulatorSettings withPasserelleUrl(URI url) {
        return new SimulatorSettings(host, port, url, installations, tables, knobs, pollInterval, zone, currency,
                sendAttempts, retryBackoff, requestTimeout);
    }

    public SimulatorSettings withInstallations(List<InstallationSettings> newInstallations) {
        return new SimulatorSettings(host, port, passerelleUrl, newInstallations, tables, knobs, pollInterval, zone,
                currency, sendAttempts, retryBackoff, requestTimeout);
    }

    public SimulatorSettings withKnobs(Knobs newKnobs) {
        return new SimulatorSettings(host, port, passerelleUrl, installations, tables, newKnobs, pollInterval, zone,
                currency, sendAttempts, retryBackoff, requestTimeout);
    }

    public SimulatorSettings withPollInterval(Duration interval) {
        return new SimulatorSettings(host, port, passerelleUrl, installations, tables, knobs, interval, zone, currency,
                sendAttempts, retryBackoff, requestTimeout);
    }

    public SimulatorSettings withRequestTimeout(Duration timeout) {
        return new SimulatorSettings(host, port, passerelleUrl, installations, tables, knobs, pollInterval, zone,
                currency, sendAttempts, retryBackoff, timeout);
    }

    public SimulatorSettings withRetries(int attempts, Duration backoff) {
        return new SimulatorSettings(host, port, passerelleUrl, installations, tables, knobs, pollInterval, zone,
                currency, attempts, backoff, requestTimeout);
    }
}
