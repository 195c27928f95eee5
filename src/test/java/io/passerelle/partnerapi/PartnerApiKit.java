package io.passerelle.partnerapi;

import io.passerelle.TestFixtures;
import io.passerelle.TestFixtures.Tenant;
import io.passerelle.connection.ConnectPartner;
import io.passerelle.connection.ConnectionDetails;
import io.passerelle.connection.ConnectionService;
import io.passerelle.restaurant.Restaurant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the partner API over real HTTP as a POS would, and sets up the connections it authenticates with. */
final class PartnerApiKit {

    static final String PULL_PARTNER = "cassasmart";
    static final String PUSH_PARTNER = "caissepad";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final TestFixtures fixtures;
    private final ConnectionService connections;

    PartnerApiKit(int port, TestFixtures fixtures, ConnectionService connections) {
        this.base = URI.create("http://127.0.0.1:" + port + "/api/partner/v1");
        this.fixtures = fixtures;
        this.connections = connections;
    }

    URI base() {
        return base;
    }

    /** How a POS authenticates: the Authorization header, and X-Restaurant-Id for a token. */
    record Pos(long connectionId, int publicId, String authorization, String restaurantHeader) {

        Pos withAuthorization(String otherAuthorization) {
            return new Pos(connectionId, publicId, otherAuthorization, restaurantHeader);
        }

        Pos withRestaurantHeader(String otherRestaurant) {
            return new Pos(connectionId, publicId, authorization, otherRestaurant);
        }
    }

    /** A pull-style connection of the tenant's first restaurant, with a fresh API key. */
    Pos pull(Tenant tenant) {
        return pull(tenant, tenant.restaurant());
    }

    Pos pull(Tenant tenant, Restaurant restaurant) {
        return fixtures.runAsStaff(() -> {
            var connection = connections.connect(new ConnectPartner(restaurant.getId(), PULL_PARTNER,
                    new ConnectionDetails(null, null, null, null, Set.of(), true)));
            String key = connections.generateApiKey(restaurant.getId(), connection.getId()).value();
            fixtures.receiveEveryEvent(connection.getId());
            return new Pos(connection.getId(), restaurant.getPublicId(), basic(restaurant.getPublicId(), key), null);
        });
    }

    /** A push-style connection of the restaurant, with a fresh token, delivering to the webhook URL. */
    Pos push(Restaurant restaurant, String webhookUrl) {
        String token = "tok_" + UUID.randomUUID();
        return fixtures.runAsStaff(() -> {
            var connection = connections.connect(new ConnectPartner(restaurant.getId(), PUSH_PARTNER,
                    new ConnectionDetails(webhookUrl, token, null, null,
                            Set.of(), true)));
            fixtures.receiveEveryEvent(connection.getId());
            return new Pos(connection.getId(), restaurant.getPublicId(), "Bearer " + token,
                    String.valueOf(restaurant.getPublicId()));
        });
    }

    String pushToken(Pos pos) {
        return pos.authorization().substring("Bearer ".length());
    }

    static String basic(int publicId, String key) {
        return "Basic " + Base64.getEncoder().encodeToString((publicId + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    record Reply(int status, HttpResponse<byte[]> raw) {

        String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(raw.body());
        }

        String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Reply get(Pos pos, String pathAndQuery) {
        return send(pos, "GET", pathAndQuery, null, null);
    }

    Reply post(Pos pos, String path, String json) {
        return send(pos, "POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Reply put(Pos pos, String path, String json) {
        return send(pos, "PUT", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Reply send(Pos pos, String method, String pathAndQuery, String contentType, byte[] body, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30));
        if (pos != null && pos.authorization() != null) {
            request.header("Authorization", pos.authorization());
        }
        if (pos != null && pos.restaurantHeader() != null) {
            request.header("X-Restaurant-Id", pos.restaurantHeader());
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException("call failed: " + method + " " + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the condition holds, at most the timeout: the assertion is the condition, not the wait. */
    static void await(Duration timeout, String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
