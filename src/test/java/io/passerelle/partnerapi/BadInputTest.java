package io.passerelle.partnerapi;

import static io.passerelle.partnerapi.PosEvents.newId;
import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.AppServerTest;
import io.passerelle.partner.WireIds;
import io.passerelle.partnerapi.PartnerApiKit.Pos;
import io.passerelle.reservation.PosOrderService;
import io.passerelle.reservation.Reservation;
import io.passerelle.reservation.ReservationBook;
import io.passerelle.reservation.ReservationStatus;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Everything a careless or hostile POS may post gets its specific 4xx problem: never a 500, nothing half-applied. */
class BadInputTest extends AppServerTest {

    @Autowired
    PosOrderService orders;

    PartnerApiKit api;
    ReservationBook book;
    long restaurantId;
    Pos pos;
    String apiKey;
    Reservation seated;
    String seatedId;
    Instant at;

    @BeforeEach
    void setUp() {
        api = new PartnerApiKit(port, fixtures, connections);
        book = fixtures.reservationBook();
        var tenant = fixtures.tenant();
        restaurantId = tenant.restaurant().getId();
        pos = api.pull(tenant);
        String decoded = new String(java.util.Base64.getDecoder().decode(pos.authorization().substring(6)),
                StandardCharsets.UTF_8);
        apiKey = decoded.substring(decoded.indexOf(':') + 1);
        at = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        seated = book.changeStatus(book.reservation(restaurantId, at.plusSeconds(3600), 2, null, null),
                ReservationStatus.CONFIRMED);
        seatedId = WireIds.reservation(seated.getId());
        assertThat(api.post(pos, "/events", PosEvents.attached(newId(), at, seatedId, "ord-s", "T1", null)).status())
                .isEqualTo(202);
    }

    @Test
    void everyKindOfGarbageGetsItsOwn4xxProblemAndChangesNothing() {
        String time = PosEvents.time(at);
        String close = PosEvents.closed("EID", at, "ord-s", seatedId, 2);
        Map<String, Integer> cases = new LinkedHashMap<>();
        // malformed JSON
        cases.put("{", 400);
        cases.put("", 400);
        cases.put("null", 400);
        cases.put("[1, 2]", 400);
        cases.put("\"order.closed\"", 400);
        cases.put(close.replace("\"covers\": 2,", "\"covers\": 2,,"), 400);
        cases.put(close + " trailing", 400);
        cases.put(close.replace("\"covers\": 2,", "\"covers\": 2, \"covers\": 3,"), 400);
        // wrong types
        cases.put(close.replace("\"covers\": 2", "\"covers\": \"2\""), 400);
        cases.put(close.replace("\"covers\": 2", "\"covers\": 2.5"), 400);
        cases.put(close.replace("\"covers\": 2", "\"covers\": true"), 400);
        cases.put(close.replace("\"amount\": \"86.50\"", "\"amount\": 86.50"), 400);
        cases.put(close.replace("\"occurredAt\": \"" + time + "\"", "\"occurredAt\": 12345"), 400);
        cases.put(close.replace("\"occurredAt\": \"" + time + "\"", "\"occurredAt\": \"yesterday\""), 400);
        cases.put(close.replace("\"orderId\": \"ord-s\"", "\"orderId\": {\"id\": 1}"), 400);
        cases.put(close.replaceFirst("\"items\": \\[", "\"items\": {\"x\": ").replaceFirst("]}\\s*$", "}}"), 400);
        // unknown fields and event types
        cases.put(close.replace("\"covers\": 2,", "\"covers\": 2, \"tip\": \"5.00\","), 400);
        cases.put(close.replace("\"name\": \"Tiramisù\",", "\"name\": \"Tiramisù\", \"vat\": 10,"), 400);
        cases.put(close.replace("order.closed", "order.exploded"), 400);
        cases.put(close.replace("\"type\": \"order.closed\"", "\"type\": 7"), 400);
        cases.put(close.replace("\"type\": \"order.closed\", ", ""), 400);
        // missing required fields
        cases.put(close.replace("\"orderId\": \"ord-s\", ", ""), 400);
        cases.put(close.replace("\"eventId\": \"EID\", ", ""), 400);
        cases.put(close.replace("\"total\": {\"amount\": \"86.50\", \"currency\": \"EUR\"},", ""), 400);
        cases.put("{\"type\": \"order.opened\", \"eventId\": \"e\", \"occurredAt\": \"" + time + "\", \"orderId\": \"o\"}",
                400);
        cases.put("{\"type\": \"order.items_sent\", \"eventId\": \"e\", \"occurredAt\": \"" + time
                + "\", \"orderId\": \"o\"}", 400);
        // absurd numbers
        cases.put(close.replace("\"covers\": 2", "\"covers\": -1"), 400);
        cases.put(close.replace("\"covers\": 2", "\"covers\": 0"), 400);
        cases.put(close.replace("\"covers\": 2", "\"covers\": 100000"), 400);
        cases.put(close.replace("\"86.50\"", "\"-86.50\""), 400);
        cases.put(close.replace("\"86.50\"", "\"100000.01\""), 400);
        cases.put(close.replace("\"86.50\"", "\"86.505\""), 400);
        cases.put(close.replace("\"86.50\"", "\"1e9\""), 400);
        cases.put(close.replace("\"86.50\"", "\"NaN\""), 400);
        cases.put(close.replace("\"quantity\": 2", "\"quantity\": 0"), 400);
        cases.put(close.replace("\"quantity\": 2", "\"quantity\": 1000"), 400);
        cases.put(close.replace("\"quantity\": 2", "\"quantity\": 99999999999999999999"), 400);
        // ids that are not ids
        cases.put(close.replace(seatedId, "r_ABC"), 400);
        cases.put(close.replace(seatedId, "12"), 400);
        cases.put(close.replace(seatedId, "r_zzzzzzzzzzzzzzzzzz"), 400);
        cases.put(close.replace("\"ord-s\"", "\"" + "o".repeat(101) + "\""), 400);
        // wrong currency: well-formed, not applicable
        cases.put(close.replaceFirst("\"currency\": \"EUR\"", "\"currency\": \"USD\""), 422);
        cases.put(close.replaceFirst("\"currency\": \"EUR\"", "\"currency\": \"eur\""), 400);
        assertThat(cases.keySet()).doesNotContain(close).hasSize(43);

        cases.forEach((body, status) -> {
            String eventBody = body.replace("EID", newId());
            var reply = api.post(pos, "/events", eventBody);
            assertThat(reply.status()).as(eventBody).isEqualTo(status);
            assertProblem(reply, eventBody);
        });

        assertThat(reload().getStatus()).isEqualTo(ReservationStatus.ARRIVED);
        assertThat(orders.ordersOf(restaurantId, seated.getId())).singleElement()
                .satisfies(order -> assertThat(order.isClosed()).isFalse());
    }

    @Test
    void aBadFieldIsNamedInTheProblem() {
        String close = PosEvents.closed(newId(), at, "ord-s", seatedId, 2);

        var wrongType = api.post(pos, "/events", close.replace("\"quantity\": 2", "\"quantity\": \"two\""));
        var unknown = api.post(pos, "/events", close.replace("\"covers\": 2,", "\"covers\": 2, \"tip\": 1,"));
        var negative = api.post(pos, "/events", close.replace("\"covers\": 2", "\"covers\": -1"));
        var type = api.post(pos, "/events", close.replace("order.closed", "order.exploded"));

        assertThat(wrongType.json().get("errors").get(0).get("field").asString()).isEqualTo("items[0].quantity");
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("tip");
        assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("covers");
        assertThat(type.json().get("errors").get(0).get("field").asString()).isEqualTo("type");
        assertThat(type.json().get("type").asString()).endsWith("/unknown-event-type");
    }

    @Test
    void anOccurredAtOutsideTheWindowOfAFewWeeksBackToTwoHoursAheadIs400NamingIt() {
        String close = PosEvents.closed(newId(), at, "ord-s", seatedId, 2);
        String time = "\"occurredAt\": \"" + PosEvents.time(at) + "\"";
        List<String> outside = List.of("+10000-01-01T00:00:00+01:00", "1970-01-01T00:00:00Z",
                "2999-12-31T23:00:00+01:00", PosEvents.time(at.minus(Duration.ofDays(31))),
                PosEvents.time(at.plus(Duration.ofHours(3))));

        for (String occurredAt : outside) {
            String body = close.replace(time, "\"occurredAt\": \"" + occurredAt + "\"");
            var reply = api.post(pos, "/events", body);

            assertThat(reply.status()).as(occurredAt).isEqualTo(400);
            assertProblem(reply, occurredAt);
            assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("occurredAt");
        }
        var aWeekLate = api.post(pos, "/events",
                close.replace(time, "\"occurredAt\": \"" + PosEvents.time(at.minus(Duration.ofDays(7))) + "\""));
        assertThat(aWeekLate.status()).as("a till replaying a week late").isEqualTo(202);
    }

    @Test
    void onlyJsonIsAccepted() {
        byte[] close = PosEvents.closed(newId(), at, "ord-s", seatedId, 2).getBytes(StandardCharsets.UTF_8);

        var text = api.send(pos, "POST", "/events", "text/plain", close);
        var form = api.send(pos, "POST", "/events", "application/x-www-form-urlencoded", close);
        var none = api.send(pos, "POST", "/events", null, close);

        for (var reply : java.util.List.of(text, form, none)) {
            assertThat(reply.status()).isEqualTo(415);
            assertProblem(reply, "content type");
        }
        assertThat(reload().getStatus()).isEqualTo(ReservationStatus.ARRIVED);
    }

    @Test
    void aBodyOverOneMebibyteIs413WithOrWithoutContentLength() throws Exception {
        String padding = "x".repeat(PartnerApiSettings.MAX_BODY_BYTES);
        String big = PosEvents.closed(newId(), at, "ord-s", seatedId, 2)
                .replace("\"name\": \"Tiramisù\"", "\"name\": \"" + padding + "\"");

        var declared = api.post(pos, "/events", big);
        var request = HttpRequest.newBuilder(URI.create(api.base() + "/events"))
                .header("Authorization", pos.authorization())
                .header("Content-Type", "application/json")
                // a stream of unknown length goes chunked: no Content-Length to trust
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();
        var chunked = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(declared.status()).isEqualTo(413);
        assertProblem(declared, "declared");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(reload().getStatus()).isEqualTo(ReservationStatus.ARRIVED);
    }

    @Test
    void aBatchOfTenThousandEventsOrABillOfTenThousandItemsIsRefusedWhole() {
        String events = IntStream.range(0, 10_000)
                .mapToObj(i -> "{\"type\":\"order.opened\"}")
                .collect(Collectors.joining(",", "{\"events\":[", "]}"));
        String item = "{\"name\": \"Acqua\", \"quantity\": 1, \"unitPrice\": {\"amount\": \"1.00\", \"currency\": \"EUR\"}}";
        String items = IntStream.range(0, 10_000).mapToObj(i -> item).collect(Collectors.joining(","));
        String bill = PosEvents.closed(newId(), at, "ord-s", seatedId, 2).replaceFirst(
                "\"items\": \\[.*]}\\s*$", "\"items\": [" + items + "]}");
        bill = bill.substring(0, bill.indexOf("\"items\"")) + "\"items\": [" + items + "]}";

        var batch = api.post(pos, "/events", events);
        var longBill = api.post(pos, "/events", bill);

        assertThat(batch.status()).isEqualTo(413);
        assertThat(batch.json().get("detail").asString()).contains("500").contains("10000");
        assertThat(longBill.status()).isEqualTo(400);
        assertThat(longBill.json().get("errors").get(0).get("field").asString()).isEqualTo("items");
        assertThat(reload().getStatus()).isEqualTo(ReservationStatus.ARRIVED);
    }

    @Test
    void unicodeAndSqlOrHtmlInTextAreStoredAsTheyCame() {
        String name = "Crème brûlée 🍮 寿司 '); DROP TABLE pos_order; -- <script>alert(1)</script>";
        String close = PosEvents.closed(newId(), at, "ord-s", seatedId, 2).replace("Tiramisù", name.replace("\"", "\\\""));

        var reply = api.post(pos, "/events", close);

        assertThat(reply.status()).isEqualTo(202);
        assertThat(orders.ordersOf(restaurantId, seated.getId()).getFirst().getItems().getFirst().name())
                .isEqualTo(name);
    }

    @Test
    void wrongMethodsAndUnknownPathsAreProblemsToo() {
        var wrongMethod = api.send(pos, "DELETE", "/events", null, null);
        var noSuchPath = api.get(pos, "/orders");

        assertThat(wrongMethod.status()).isEqualTo(405);
        assertProblem(wrongMethod, "DELETE");
        assertThat(noSuchPath.status()).isEqualTo(404);
        assertProblem(noSuchPath, "/orders");
    }

    private void assertProblem(PartnerApiKit.Reply reply, String what) {
        assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asString()).as(what).startsWith("https://passerelle.io/problems/");
        assertThat(reply.json().get("status").asInt()).as(what).isEqualTo(reply.status());
        assertThat(reply.json().get("title").asString()).as(what).isNotBlank();
        assertThat(reply.text()).as(what).doesNotContain(apiKey).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private Reservation reload() {
        return fixtures.runAsStaff(() -> reservations.get(restaurantId, seated.getId()));
    }

}
