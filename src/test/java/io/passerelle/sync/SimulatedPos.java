package io.passerelle.sync;

import static org.assertj.core.api.Assertions.fail;

import io.passerelle.TestFixtures;
import io.passerelle.TestFixtures.Tenant;
import io.passerelle.connection.ConnectPartner;
import io.passerelle.connection.ConnectionDetails;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.PartnerConnection;
import io.passerelle.connection.UpdateConnection;
import io.passerelle.partner.WireIds;
import io.passerelle.reservation.CreateGuest;
import io.passerelle.reservation.CreateReservation;
import io.passerelle.reservation.GuestDetails;
import io.passerelle.reservation.GuestService;
import io.passerelle.reservation.Reservation;
import io.passerelle.reservation.ReservationDetails;
import io.passerelle.reservation.ReservationService;
import io.passerelle.reservation.UpdateReservation;
import io.passerelle.simulator.InstallationSettings;
import io.passerelle.simulator.PosSimulator;
import io.passerelle.simulator.SimulatorSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A restaurant with a push connection (CaissePad) to a POS simulator running in this JVM on a free port:
 * the real webhook path, signatures checked by the simulator. Read its state through its control API.
 */
public final class SimulatedPos implements AutoCloseable {

    static final String PARTNER = "caissepad";
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();
    static final ZoneId ROME = ZoneId.of("Europe/Rome");

    public final Tenant tenant;
    final PartnerConnection connection;
    final PosSimulator simulator;
    /** The till's installation ID: its webhook path and its pay-at-table address. */
    final String installation;
    /** The bearer token the till calls the partner API with. */
    final String token;
    private final TestFixtures fixtures;

    private SimulatedPos(Tenant tenant, PartnerConnection connection, PosSimulator simulator, String installation,
            String token, TestFixtures fixtures) {
        this.tenant = tenant;
        this.connection = connection;
        this.simulator = simulator;
        this.installation = installation;
        this.token = token;
        this.fixtures = fixtures;
    }

    public static SimulatedPos start(TestFixtures fixtures, ConnectionService connections) {
        return start(fixtures, connections, SimulatorSettings.DEFAULT_PASSERELLE_URL);
    }

    /** @param partnerApi where the till reports what happens at its tables: this test server's partner API */
    public static SimulatedPos start(TestFixtures fixtures, ConnectionService connections, URI partnerApi) {
        Tenant tenant = fixtures.tenant();
        long restaurantId = tenant.restaurant().getId();
        String token = TestFixtures.unique("tok");
        return fixtures.runAs(tenant.owner(), () -> {
            // connected disabled first: the simulator needs the signing secret, Passerelle needs its URL
            PartnerConnection created = connections.connect(new ConnectPartner(restaurantId, PARTNER,
                    new ConnectionDetails("http://127.0.0.1:9/not-yet", token, null, null, Set.of(), false)));
            String secret = connections.revealSigningSecret(restaurantId, created.getId());
            String installation = TestFixtures.unique("till");
            PosSimulator simulator = PosSimulator.start(SimulatorSettings.defaults().withPort(0)
                    .withPasserelleUrl(partnerApi)
                    .withPollInterval(Duration.ZERO)
                    .withRetries(3, Duration.ofMillis(100))
                    .withInstallations(List.of(InstallationSettings.push(installation,
                            String.valueOf(tenant.restaurant().getPublicId()), token, secret, "2.0.16"))));
            PartnerConnection enabled = connections.update(new UpdateConnection(restaurantId, created.getId(),
                    connections.get(restaurantId, created.getId()).getVersion(),
                    new ConnectionDetails(simulator.webhookUrl(installation).toString(), null, null, null, Set.of(),
                            true)));
            fixtures.receiveEveryEvent(enabled.getId());
            return new SimulatedPos(tenant, enabled, simulator, installation, token, fixtures);
        });
    }

    public long restaurantId() {
        return tenant.restaurant().getId();
    }

    public long connectionId() {
        return connection.getId();
    }

    /** A reservation with a guest, 20:30 in Rome three days from now. */
    public Reservation book(ReservationService reservations, GuestService guests, int partySize, String notes) {
        return asOwner(() -> {
            long guestId = guests.create(new CreateGuest(restaurantId(),
                    new GuestDetails("Giulia", "Rossi", "+393331234567", "giulia@example.com"))).getId();
            Instant start = LocalDate.now(ROME).plusDays(3).atTime(20, 30).atZone(ROME).toInstant();
            return reservations.create(new CreateReservation(restaurantId(),
                    new ReservationDetails(start, partySize, notes, null, guestId)));
        });
    }

    Reservation changePartySize(ReservationService reservations, Reservation reservation, int partySize) {
        return asOwner(() -> reservations.update(new UpdateReservation(restaurantId(), reservation.getId(),
                reservation.getVersion(), new ReservationDetails(reservation.getStart(), partySize,
                        reservation.getNotes(), null, reservation.getGuest() == null ? null : reservation.getGuest().getId()))));
    }

    public <T> T asOwner(Supplier<T> block) {
        return fixtures.runAs(tenant.owner(), block);
    }

    public JsonNode state() {
        return json.readTree(call("GET", "/control/state", null));
    }

    /** The till's copy of a reservation (its fields, plus the simulator's receivedVia and seated), if it has one. */
    Optional<JsonNode> reservation(long reservationId) {
        for (JsonNode known : state().path("reservations")) {
            if (known.path("id").asString().equals(WireIds.reservation(reservationId))) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }

    long counter(String name) {
        return state().path("counters").path(name).asLong();
    }

    public void faults(String knobsJson) {
        call("POST", "/control/faults", knobsJson);
    }

    /** Plays a scenario at the till ({@code seat}, {@code walk-in}, {@code close}...): the simulator's answer. */
    JsonNode scenario(String name, String bodyJson) {
        return json.readTree(call("POST", "/control/scenarios/" + name, bodyJson));
    }

    /** The till's pay-at-table server: what a connection's "server" is set to. */
    URI payAtTableServer() {
        return simulator.baseUrl();
    }

    /** Gives the connection pay at table: this till's server, under the till's own installation ID. */
    public SimulatedPos withPayAtTable(ConnectionService connections) {
        return withPayAtTable(connections, installation);
    }

    /** Gives the connection pay at table: this till's server, under any installation ID (one it serves, or not). */
    public SimulatedPos withPayAtTable(ConnectionService connections, String installationId) {
        asOwner(() -> connections.update(new UpdateConnection(restaurantId(), connectionId(),
                connections.get(restaurantId(), connectionId()).getVersion(),
                new ConnectionDetails(connection.getWebhookUrl(), null, payAtTableServer().toString(), installationId,
                        Set.of(), true))));
        fixtures.receiveEveryEvent(connectionId());
        return this;
    }

    static URI partnerApi(int port) {
        return URI.create("http://127.0.0.1:" + port + "/api/partner/v1");
    }

    /** Polls (bounded) until the condition holds; the assertion is the condition, never the wait. */
    public static <T> T await(String what, Duration timeout, Supplier<T> probe, Predicate<T> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!condition.test(last)) {
            if (System.nanoTime() > deadline) {
                fail("Waited " + timeout + " for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
            last = probe.get();
        }
        return last;
    }

    private String call(String method, String path, String body) {
        var request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                fail("Simulator " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        simulator.stop();
    }
}
