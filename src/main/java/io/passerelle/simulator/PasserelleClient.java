package io.passerelle.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The till's side of Passerelle's partner API (base {@code /api/partner/v1}), authenticating as its style
 * requires: HTTP Basic with restaurant ID and API key (pull), or Bearer token plus {@code X-Restaurant-Id}
 * (push). Every call carries {@code X-Pos-Version} when the installation has one.
 */
final class PasserelleClient implements AutoCloseable {

    static final String USER_AGENT = "passerelle-pos-simulator/1";

    /** One answer from Passerelle; {@link #summary()} never contains a credential, it only reads the answer. */
    record Reply(int status, Optional<String> retryAfter, byte[] body) {

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        /** Worth trying again later: Passerelle busy, rate limiting, or failing on its side. */
        boolean isRetryable() {
            return status == 408 || status == 429 || status >= 500;
        }

        /** {@code HTTP 409: Conflict - reservation r_1 is not confirmed}, from the problem details if any. */
        String summary() {
            String text = new String(body, StandardCharsets.UTF_8);
            try {
                JsonNode problem = Json.MAPPER.readTree(body);
                String title = problem.path("title").asString("");
                String detail = problem.path("detail").asString("");
                text = detail.isEmpty() ? title : title.isEmpty() ? detail : title + " - " + detail;
            } catch (JacksonException notJson) {
                // Not problem details: show the start of whatever came back.
            }
            text = text.strip();
            return "HTTP " + status + (text.isEmpty() ? "" : ": " + (text.length() > 300 ? text.substring(0, 300) + "…" : text));
        }
    }

    /** A call Passerelle answered with something other than success. */
    static final class Refused extends Exception {
        private final Reply reply;

        Refused(Reply reply) {
            super(reply.summary(), null, false, false);
            this.reply = reply;
        }

        Reply reply() {
            return reply;
        }
    }

    /** One page of a pull: the reservations changed since the cursor, and the cursor to pass next time. */
    record ReservationPage(List<Reservation> reservations, String nextCursor) {}

    private final URI baseUrl;
    private final Duration requestTimeout;
    private HttpClient http;

    PasserelleClient(URI baseUrl, Duration requestTimeout) {
        this.baseUrl = baseUrl;
        this.requestTimeout = requestTimeout;
    }

    /** Built on first use: building one loads the TLS machinery, over half a second the simulator need not wait. */
    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(requestTimeout)
                    .build();
        }
        return http;
    }

    Reply postEvent(InstallationSettings installation, byte[] event) throws IOException, InterruptedException {
        return call(installation, "POST", "/events", event);
    }

    ReservationPage pullReservations(InstallationSettings installation, LocalDate from, LocalDate to, String cursor,
            int limit) throws IOException, InterruptedException, Refused {
        StringBuilder query = new StringBuilder("/reservations?from=").append(from).append("&to=").append(to)
                .append("&limit=").append(limit);
        if (cursor != null) {
            query.append("&cursor=").append(URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        Reply reply = call(installation, "GET", query.toString(), null);
        if (!reply.isSuccess()) {
            throw new Refused(reply);
        }
        JsonNode page = Json.MAPPER.readTree(reply.body());
        List<Reservation> reservations = page.path("reservations").valueStream()
                .map(node -> Json.MAPPER.treeToValue(node, Reservation.class))
                .toList();
        String nextCursor = page.path("nextCursor").isString() ? page.path("nextCursor").stringValue() : cursor;
        return new ReservationPage(reservations, nextCursor);
    }

    /** Tells Passerelle the till's table names, for the table-name mapping. */
    Reply putTables(InstallationSettings installation, List<String> tables) throws IOException, InterruptedException {
        return call(installation, "PUT", "/tables", Json.MAPPER.writeValueAsBytes(Map.of("tables", tables)));
    }

    Reply ping(InstallationSettings installation) throws IOException, InterruptedException {
        return call(installation, "GET", "/ping", null);
    }

    private Reply call(InstallationSettings installation, String method, String pathAndQuery, byte[] json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(requestTimeout)
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", USER_AGENT);
        authenticate(request, installation);
        if (installation.posVersion() != null) {
            request.header("X-Pos-Version", installation.posVersion());
        }
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(json));
        }
        HttpResponse<byte[]> response = http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response.headers().firstValue("Retry-After"), response.body());
    }

    private static void authenticate(HttpRequest.Builder request, InstallationSettings installation) {
        switch (installation.style()) {
            case PULL -> {
                String credentials = installation.restaurantId() + ":" + installation.apiKey();
                request.header("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            case PUSH -> request.header("Authorization", "Bearer " + installation.token())
                    .header("X-Restaurant-Id", installation.restaurantId());
        }
    }

    /** What a failed call means for the restaurant: Passerelle could not be reached, or did not answer in time. */
    static String describe(IOException e) {
        String what = e instanceof HttpTimeoutException ? "did not answer in time" : "could not be reached";
        return "Passerelle " + what + " (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
    }

    @Override
    public synchronized void close() {
        if (http != null) {
            http.shutdownNow();
        }
    }
}
