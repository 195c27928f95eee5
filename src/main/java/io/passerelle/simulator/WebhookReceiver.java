package io.passerelle.simulator;

import com.sun.net.httpserver.HttpExchange;
import io.passerelle.simulator.Activity.Counter;
import io.passerelle.simulator.ReservationBook.Filing;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /webhooks/{installationId}}: where Passerelle pushes reservations to a push-style till. A message
 * is believed only with a valid, fresh Standard Webhooks signature; processed once per webhook-id (a redelivery
 * is acknowledged and ignored); and a reservation version older than the one on file is ignored, so a late
 * delivery never undoes a newer change.
 */
final class WebhookReceiver implements Exchanges.Route {

    private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);

    static final String PREFIX = "/webhooks/";

    private final Map<String, Till> tills;
    private final Clock clock;
    private final Activity activity;

    WebhookReceiver(Map<String, Till> tills, Clock clock, Activity activity) {
        this.tills = tills;
        this.clock = clock;
        this.activity = activity;
    }

    @Override
    public void handle(HttpExchange exchange) throws Exception {
        List<String> segments = Exchanges.segmentsAfter(exchange, PREFIX);
        Till till = segments.size() == 1 ? tills.get(segments.getFirst()) : null;
        if (till == null || till.settings().style() != InstallationSettings.Style.PUSH) {
            throw PosProblem.notFound("no push-style installation at " + exchange.getRequestURI().getPath());
        }
        Exchanges.requireMethod(exchange, "POST");
        activity.count(Counter.WEBHOOKS_RECEIVED);
        byte[] body = Exchanges.readBody(exchange);
        String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
        WebhookSignature.Verdict verdict = WebhookSignature.verify(till.settings().signingKey(), webhookId,
                exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"), body, clock.instant());
        if (verdict != WebhookSignature.Verdict.VALID) {
            activity.count(Counter.SIGNATURES_REJECTED);
            activity.error(till.id(), "webhook " + webhookId + " refused: " + verdict.reason());
            throw PosProblem.unauthorized(verdict.reason());
        }
        if (!till.webhookIds().firstSighting(webhookId)) {
            activity.count(Counter.WEBHOOK_DUPLICATES);
            Exchanges.sendJson(exchange, 200, Map.of("status", "duplicate"));
            return;
        }
        try {
            Exchanges.sendJson(exchange, 200, process(till, Json.MAPPER.readTree(body)));
        } catch (RuntimeException failed) {
            till.webhookIds().forget(webhookId);
            throw failed;
        }
    }

    private Map<String, String> process(Till till, JsonNode message) {
        JsonNode restaurantId = message.path("restaurantId");
        boolean named = !restaurantId.isMissingNode() && !restaurantId.isNull();
        if (named && !restaurantId.asString().equals(till.settings().restaurantId())) {
            throw PosProblem.forbidden("this till serves restaurant " + till.settings().restaurantId()
                    + ", not " + restaurantId.asString());
        }
        String type = message.path("type").asString("");
        return switch (type) {
            case "connection.test" -> till.settings().posVersion() == null
                    ? Map.of("status", "ok")
                    : Map.of("posVersion", till.settings().posVersion());
            case "reservation.upserted", "reservation.missed" -> Map.of("status", file(till, message));
            // The protocol grows by adding: a type this till does not know yet is acknowledged, not refused.
            default -> Map.of("status", "ignored");
        };
    }

    private String file(Till till, JsonNode message) {
        JsonNode node = message.path("reservation");
        if (!node.isObject()) {
            throw PosProblem.badRequest("a " + message.path("type").asString() + " message carries a reservation");
        }
        Reservation reservation = Json.MAPPER.treeToValue(node, Reservation.class);
        Filing filing = till.book().file(reservation, "webhook", clock.instant());
        if (filing == Filing.STALE) {
            activity.count(Counter.STALE_VERSIONS_IGNORED);
        } else if (reservation.table() != null && !till.floor().tables().contains(reservation.table())) {
            String problem = "reservation " + reservation.id() + " is for table " + reservation.table()
                    + ", which is not on the floor plan: check the table-name mapping";
            activity.recordError(till.id(), problem);
            // The demo names tables the till does not know on purpose: once per table is enough to notice.
            if (till.firstWarningAboutUnknownTable(reservation.table())) {
                log.warn("{}: {} (further reservations for this table are logged at DEBUG)", till.id(), problem);
            } else {
                log.debug("{}: {}", till.id(), problem);
            }
        }
        return filing.name().toLowerCase();
    }
}
