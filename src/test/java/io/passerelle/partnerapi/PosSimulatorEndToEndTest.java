package io.passerelle.partnerapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.AppServerTest;
import io.passerelle.TestFixtures;
import io.passerelle.partner.PartnerCatalogue;
import io.passerelle.partner.WireIds;
import io.passerelle.partnerapi.PartnerApiKit.Pos;
import io.passerelle.reservation.DiningTableService;
import io.passerelle.reservation.Guest;
import io.passerelle.reservation.PosOrderService;
import io.passerelle.reservation.Reservation;
import io.passerelle.reservation.ReservationBook;
import io.passerelle.reservation.ReservationSource;
import io.passerelle.reservation.ReservationStatus;
import io.passerelle.simulator.InstallationSettings;
import io.passerelle.simulator.PosSimulator;
import io.passerelle.simulator.SimulatorSettings;
import io.passerelle.synclog.SyncLogService;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The app and the POS simulator over real HTTP, driven through the simulator's control API: DOMAIN rules 1 and
 * 6-9, for a pull-style till (API key, polling) and a push-style till (token, events only). Each connection receives
 * exactly its partner's events, as an owner's would: the simulator sends only what the catalogue lists.
 */
class PosSimulatorEndToEndTest extends AppServerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    DiningTableService tables;
    @Autowired
    PosOrderService orders;
    @Autowired
    SyncLogService syncLog;
    @Autowired
    PartnerCatalogue catalogue;

    PartnerApiKit api;
    ReservationBook book;
    TestFixtures.Tenant tenant;
    long restaurantId;
    PosSimulator simulator;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        api = new PartnerApiKit(port, fixtures, connections);
        book = fixtures.reservationBook();
        tenant = fixtures.tenant();
        restaurantId = tenant.restaurant().getId();
    }

    @AfterEach
    void stopSimulator() {
        if (simulator != null) {
            simulator.stop();
        }
    }

    @Test
    void pullStyleTillPullsSeatsAndClosesBills() throws Exception {
        Pos pos = api.pull(tenant);
        receiveThePartnersEvents(pos, PartnerApiKit.PULL_PARTNER);
        String apiKey = apiKeyOf(pos);
        simulator = PosSimulator.start(settings(0, List.of(new InstallationSettings(null,
                InstallationSettings.Style.PULL, String.valueOf(pos.publicId()), apiKey, null, null, "5.3.0", null))));
        Guest guest = book.guest(restaurantId, "Giulia", "Rossi");
        Instant start = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        Reservation confirmed = book.changeStatus(book.reservation(restaurantId, start, 4, guest, null),
                ReservationStatus.CONFIRMED);
        Reservation pending = book.reservation(restaurantId, start, 2, null, null);
        book.table(restaurantId, "T3");

        // rule 1: the credential test
        JsonNode ping = control("ping", "{}");
        assertThat(ping.get("passerelleStatus").asInt()).isEqualTo(200);

        // the till pulls until both reservations are in its book (the feed serves settled changes only)
        String confirmedId = WireIds.reservation(confirmed.getId());
        String pendingId = WireIds.reservation(pending.getId());
        PartnerApiKit.await(PATIENCE, "the till's book holds both reservations", () -> {
            control("poll", "{}");
            var known = state().get("reservations").toString();
            return known.contains(confirmedId) && known.contains(pendingId);
        });
        // rule 6, pull style: no table is sent
        assertThat(state().get("reservations").toString()).doesNotContain("\"table\":\"T");

        // rule 7: seating a confirmed reservation makes it ARRIVED with the table the till chose
        control("scenarios/seat", "{\"reservationId\": \"" + confirmedId + "\", \"table\": \"T3\"}");
        awaitStatus(confirmed, ReservationStatus.ARRIVED);
        assertThat(reload(confirmed).getTable().getName()).isEqualTo("T3");

        // rule 7: a pending one is rejected (409), logged, and fine once confirmed
        control("scenarios/seat", "{\"reservationId\": \"" + pendingId + "\", \"table\": \"T4\"}");
        PartnerApiKit.await(PATIENCE, "the till saw the 409",
                () -> state().get("counters").get("eventsRejected").asLong() >= 1);
        assertThat(reload(pending).getStatus()).isEqualTo(ReservationStatus.PENDING);
        assertThat(fixtures.runAsStaff(() -> syncLog.trace(restaurantId, pending.getId())))
                .anySatisfy(line -> assertThat(line.getErrorCode()).isEqualTo("reservation_not_confirmed"));
        book.changeStatus(pending, ReservationStatus.CONFIRMED);
        control("scenarios/close", "{\"reservationId\": \"" + pendingId + "\"}");
        awaitStatus(pending, ReservationStatus.FINISHED);

        // rule 8: closing the bill finishes the reservation with its items, and the guest's profile counts it
        control("scenarios/close", "{\"reservationId\": \"" + confirmedId + "\", \"covers\": 4, "
                + "\"items\": [{\"name\": \"Tiramisù\", \"quantity\": 2, \"unitPrice\": \"7.00\"}]}");
        awaitStatus(confirmed, ReservationStatus.FINISHED);
        var order = orders.ordersOf(restaurantId, confirmed.getId()).getFirst();
        assertThat(order.getCovers()).isEqualTo(4);
        assertThat(order.getItems()).isNotEmpty();
        Guest counted = fixtures.runAsStaff(() -> guests.get(restaurantId, guest.getId()));
        assertThat(counted.getVisits()).isEqualTo(1);
        assertThat(counted.getCovers()).isEqualTo(4);
        assertThat(counted.getTotalSpent()).isEqualByComparingTo(order.getTotalAmount());
        assertThat(state().get("counters").get("eventsRejected").asLong()).as("the pending seating's 409 only")
                .isEqualTo(1);
    }

    @Test
    void pushStyleTillSeatsByTableOpensWalkInsAndPaysAtTable() throws Exception {
        int simulatorPort = freePort();
        String installation = "bistro-" + System.nanoTime() % 100_000;
        Pos pos = api.push(tenant.restaurant(), "http://127.0.0.1:" + simulatorPort + "/webhooks/" + installation);
        receiveThePartnersEvents(pos, PartnerApiKit.PUSH_PARTNER);
        String signingSecret = fixtures.runAsStaff(() ->
                connections.revealSigningSecret(restaurantId, pos.connectionId()));
        simulator = PosSimulator.start(settings(simulatorPort, List.of(InstallationSettings.push(installation,
                String.valueOf(pos.publicId()), api.pushToken(pos), signingSecret, "2.0.16"))));
        var table = book.table(restaurantId, "T4");
        Instant start = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
        Reservation onT4 = book.changeStatus(book.reservation(restaurantId, start, 2, null, table),
                ReservationStatus.CONFIRMED);

        // rule 1
        assertThat(control("ping", "{}").get("passerelleStatus").asInt()).isEqualTo(200);
        // rule 6: the POS's table names reach Passerelle
        control("tables", "{}");
        assertThat(api.get(pos, "/tables").json().get("tables").toString()).contains("T4").contains("T12");

        // rule 7, push style: the till opens the reservation's table; the order is matched to it
        control("scenarios/walk-in", "{\"table\": \"T4\", \"covers\": 2}");
        awaitStatus(onT4, ReservationStatus.ARRIVED);

        // rule 9: an order on a table with no reservation is a walk-in
        JsonNode walkIn = control("scenarios/walk-in", "{\"table\": \"T9\", \"covers\": 3}");
        String walkInOrder = walkIn.get("order").get("orderId").asString();
        var created = new AtomicReference<Reservation>();
        PartnerApiKit.await(PATIENCE, "a walk-in reservation", () -> {
            var found = jdbc.queryForList("select reservation_id from pos_order where restaurant_id = ? "
                    + "and external_id = ?", Long.class, restaurantId, walkInOrder);
            found.stream().findFirst().ifPresent(id -> created.set(fixtures.runAsStaff(() ->
                    reservations.get(restaurantId, id))));
            return created.get() != null;
        });
        assertThat(created.get().getSource()).isEqualTo(ReservationSource.WALK_IN);
        assertThat(created.get().getPartySize()).isEqualTo(3);

        // rules 8 and 10: paid at table
        control("scenarios/pay-at-table", "{\"orderId\": \"" + walkInOrder + "\"}");
        awaitStatus(created.get(), ReservationStatus.FINISHED);
        assertThat(orders.ordersOf(restaurantId, created.get().getId()).getFirst().getPaymentId()).isNotBlank();

        // rule 8 for the seated reservation too
        control("scenarios/close", "{\"table\": \"T4\"}");
        awaitStatus(onT4, ReservationStatus.FINISHED);
        assertThat(state().get("counters").get("eventsRejected").asLong()).isZero();
    }

    @Test
    void aTillOlderThanThePartnersMinimumFailsTheCredentialTestClearly() throws Exception {
        Pos pos = api.pull(tenant);
        simulator = PosSimulator.start(settings(0, List.of(new InstallationSettings(null,
                InstallationSettings.Style.PULL, String.valueOf(pos.publicId()), apiKeyOf(pos), null, null, "4.9",
                null))));

        var reply = http.send(HttpRequest.newBuilder(simulator.baseUrl().resolve("/control/ping"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(reply.statusCode()).isEqualTo(502);
        assertThat(reply.body()).contains("422").contains("5.2.0");
    }

    private SimulatorSettings settings(int simulatorPort, List<InstallationSettings> installations) {
        return SimulatorSettings.defaults()
                .withPort(simulatorPort)
                .withPasserelleUrl(URI.create("http://127.0.0.1:" + port + "/api/partner/v1"))
                .withPollInterval(Duration.ZERO)
                .withRetries(3, Duration.ofMillis(100))
                .withInstallations(installations);
    }

    private JsonNode control(String resource, String json) {
        try {
            var reply = http.send(HttpRequest.newBuilder(simulator.baseUrl().resolve("/control/" + resource))
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).as(resource + " answered " + reply.body()).isEqualTo(200);
            return PartnerApiKit.JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode state() {
        try {
            var reply = http.send(HttpRequest.newBuilder(simulator.baseUrl().resolve("/control/state")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return PartnerApiKit.JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitStatus(Reservation reservation, ReservationStatus status) {
        PartnerApiKit.await(PATIENCE, "reservation " + reservation.getId() + " " + status,
                () -> reload(reservation).getStatus() == status);
    }

    private Reservation reload(Reservation reservation) {
        return fixtures.runAsStaff(() -> reservations.get(restaurantId, reservation.getId()));
    }

    /** Before the connection's first request (accepted credentials are cached). */
    private void receiveThePartnersEvents(Pos pos, String partnerCode) {
        fixtures.receiveEvents(pos.connectionId(), catalogue.byCode(partnerCode).orElseThrow().supportedEvents());
    }

    private static String apiKeyOf(Pos pos) {
        String decoded = new String(java.util.Base64.getDecoder().decode(pos.authorization().substring(6)));
        return decoded.substring(decoded.indexOf(':') + 1);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
