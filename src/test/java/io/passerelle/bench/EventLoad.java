package io.passerelle.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * POS events as tills send them: {@code order.opened} walk-ins, one per request or {@code {"events": [...]}},
 * from one client thread per restaurant, Bearer token and restaurant public ID in the headers (PROTOCOL.md).
 * The same load goes to Passerelle and to the floor.
 */
final class EventLoad {

    record Outcome(int events, double seconds, Latencies requestMillis, int failedRequests) {

        double eventsPerSecond() {
            return events / seconds;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String token;
    private final int[] publicIds;

    /** One client per restaurant of {@code publicIds}. */
    EventLoad(String token, int[] publicIds) {
        this.token = token;
        this.publicIds = publicIds;
    }

    /** {@code events} events in requests of {@code perRequest} (1: single events), spread over the clients. */
    Outcome post(URI eventsUrl, int events, int perRequest) throws Exception {
        int requests = Math.max(1, events / perRequest);
        int clients = publicIds.length;
        var failed = new AtomicInteger();
        double[] millis = new double[requests];
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                int first = client;
                running.add(pool.submit(() -> {
                    for (int request = first; request < requests; request += clients) {
                        String body = perRequest == 1 ? walkIn() : batch(perRequest);
                        long sent = System.nanoTime();
                        if (!send(eventsUrl, publicIds[first], body)) {
                            failed.incrementAndGet();
                        }
                        millis[request] = (System.nanoTime() - sent) / 1e6;
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        }
        return new Outcome(requests * perRequest, (System.nanoTime() - started) / 1e9, new Latencies(millis),
                failed.get());
    }

    private boolean send(URI eventsUrl, int publicId, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(eventsUrl)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("X-Restaurant-Id", String.valueOf(publicId))
                .header("X-Pos-Version", BenchEstate.POS_VERSION)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        return status == 200 || status == 202;
    }

    private static String batch(int size) {
        var body = new StringBuilder("{\"events\": [");
        for (int i = 0; i < size; i++) {
            body.append(i == 0 ? "" : ",").append(walkIn());
        }
        return body.append("]}").toString();
    }

    private static String walkIn() {
        String orderId = "ord_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return """
                {"type": "order.opened", "eventId": "%s", "occurredAt": "%s", "orderId": "%s", "table": "T%d", "covers": 2}"""
                .formatted(UUID.randomUUID(), OffsetDateTime.now(BenchEstate.ZONE).withNano(0), orderId,
                        1 + (orderId.hashCode() & 7));
    }
}
