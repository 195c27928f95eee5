package io.passerelle.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The floor of "events in": a bare JDK HTTP server taking the same {@code POST /events} bodies and doing the
 * least work their effect needs with plain JDBC, one transaction per event: the event row (idempotency), the
 * walk-in reservation, its order. No token decryption (a string compare), no validation beyond parsing, no
 * sync log, no outbox: what Passerelle does on top is what the ratio prices.
 */
final class EventsFloor implements AutoCloseable {

    /** A restaurant as the floor knows it, by public ID. */
    record Till(long restaurantId, long connectionId) {}

    /** Its workers' names, so that their CPU time can be told from the rest. */
    static final String THREAD_NAME = "events-floor";

    private static final JsonMapper json = JsonMapper.builder().build();

    private final DataSource dataSource;
    private final Map<Integer, Till> tills;
    private final String token;
    private final HttpServer server;
    private final ExecutorService workers;

    EventsFloor(DataSource dataSource, Map<Integer, Till> tills, String token, int threads) throws IOException {
        this.dataSource = dataSource;
        this.tills = tills;
        this.token = token;
        this.workers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name(THREAD_NAME + "-", 0).factory());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(workers);
        server.createContext("/events", this::handle);
        server.start();
    }

    URI eventsUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/events");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Till till = tills.get(Integer.valueOf(exchange.getRequestHeaders().getFirst("X-Restaurant-Id")));
            if (till == null || !("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                body = json.readTree(in);
            }
            List<JsonNode> events = new ArrayList<>();
            body.path("events").forEach(events::add);
            boolean batch = !events.isEmpty();
            if (!batch) {
                events.add(body);
            }
            var answer = new StringBuilder(batch ? "{\"results\":[" : "");
            for (JsonNode event : events) {
                apply(till, event);
                answer.append("{\"eventId\":\"").append(event.path("eventId").asString()).append("\",\"status\":202},");
            }
            answer.setLength(answer.length() - 1);
            byte[] bytes = answer.append(batch ? "]}" : "").toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(batch ? 200 : 202, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (SQLException | RuntimeException e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    /** order.opened without a reservation: a walk-in. */
    private void apply(Till till, JsonNode event) throws SQLException {
        Instant now = Instant.now();
        Instant occurred = OffsetDateTime.parse(event.path("occurredAt").asString()).toInstant();
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try (PreparedStatement insertEvent = db.prepareStatement("insert into pos_event (connection_id, event_id,"
                    + " type, received_at, http_status, result) values (?, ?, ?, ?, 202, '{}')")) {
                insertEvent.setLong(1, till.connectionId());
                insertEvent.setString(2, event.path("eventId").asString());
                insertEvent.setString(3, event.path("type").asString());
                insertEvent.setObject(4, BenchEstate.utc(now));
                insertEvent.executeUpdate();
            }
            long reservationId;
            try (PreparedStatement insertWalkIn = db.prepareStatement("insert into reservation (restaurant_id, start_at,"
                    + " party_size, status, source, pos_table_name, created_at, updated_at, version)"
                    + " values (?, ?, ?, 'ARRIVED', 'WALK_IN', ?, ?, ?, 1)", PreparedStatement.RETURN_GENERATED_KEYS)) {
                insertWalkIn.setLong(1, till.restaurantId());
                insertWalkIn.setObject(2, BenchEstate.utc(occurred));
                insertWalkIn.setInt(3, event.path("covers").asInt(1));
                insertWalkIn.setString(4, event.path("table").asString());
                insertWalkIn.setObject(5, BenchEstate.utc(now));
                insertWalkIn.setObject(6, BenchEstate.utc(now));
                insertWalkIn.executeUpdate();
                try (var keys = insertWalkIn.getGeneratedKeys()) {
                    keys.next();
                    reservationId = keys.getLong(1);
                }
            }
            try (PreparedStatement insertOrder = db.prepareStatement("insert into pos_order (restaurant_id, external_id,"
                    + " reservation_id, table_name, covers, opened_at, created_at) values (?, ?, ?, ?, ?, ?, ?)")) {
                insertOrder.setLong(1, till.restaurantId());
                insertOrder.setString(2, event.path("orderId").asString());
                insertOrder.setLong(3, reservationId);
                insertOrder.setString(4, event.path("table").asString());
                insertOrder.setInt(5, event.path("covers").asInt(1));
                insertOrder.setObject(6, BenchEstate.utc(occurred));
                insertOrder.setObject(7, BenchEstate.utc(now));
                insertOrder.executeUpdate();
            }
            db.commit();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
