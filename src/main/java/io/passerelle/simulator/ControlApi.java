package io.passerelle.simulator;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON over HTTP under {@code /control}, for demos and tests: read the till's state, play a scenario, turn
 * the fault knobs, send the floor plan, pull or ping now. Never subject to the fault knobs (or it could not
 * turn them off again). It has no login: the simulator listens on loopback unless told otherwise.
 */
final class ControlApi implements Exchanges.Route {

    static final String PREFIX = "/control/";

    /** A scenario to play; which fields matter depends on the scenario (docs/pos-simulator.md). */
    record ScenarioRequest(
            String installation, String reservationId, String orderId, String table, Integer covers,
            List<ItemRequest> items) {}

    /** A line to put on the bill: a dish from the menu by name, or anything with its unitPrice. */
    record ItemRequest(String name, Integer quantity, BigDecimal unitPrice) {}

    /** Which till a command is for; may be left out when there is only one. */
    record InstallationRequest(String installation) {}

    record InstallationState(
            String installationId, String style, String restaurantId, String posVersion, String menu,
            String webhookPath, String pullCursor, OffsetDateTime lastPulledAt, List<String> tables,
            List<String> freeTables) {}

    record KnownReservation(
            String installation, @JsonUnwrapped Reservation reservation, String receivedVia, Instant receivedAt,
            boolean seated) {}

    record OpenOrder(String installation, @JsonUnwrapped Bill order) {}

    record State(
            OffsetDateTime startedAt, URI passerelleUrl, Knobs knobs, List<InstallationState> installations,
            List<KnownReservation> reservations, List<OpenOrder> openOrders, Map<String, Long> counters,
            List<Activity.EventRecord> recentEvents, List<Activity.ErrorRecord> lastErrors) {}

    private final Map<String, Till> tills;
    private final LiveKnobs knobs;
    private final Activity activity;
    private final PasserelleClient passerelle;
    private final ReservationPoller poller;
    private final URI passerelleUrl;
    private final OffsetDateTime startedAt;

    ControlApi(Map<String, Till> tills, LiveKnobs knobs, Activity activity, PasserelleClient passerelle,
            ReservationPoller poller, URI passerelleUrl, OffsetDateTime startedAt) {
        this.tills = tills;
        this.knobs = knobs;
        this.activity = activity;
        this.passerelle = passerelle;
        this.poller = poller;
        this.passerelleUrl = passerelleUrl;
        this.startedAt = startedAt;
    }

    @Override
    public void handle(HttpExchange exchange) throws Exception {
        List<String> segments = Exchanges.segmentsAfter(exchange, PREFIX);
        String resource = segments.isEmpty() ? "" : segments.getFirst();
        switch (resource) {
            case "state" -> {
                Exchanges.requireMethod(exchange, "GET");
                Exchanges.sendJson(exchange, 200, state());
            }
            case "scenarios" -> {
                Exchanges.requireMethod(exchange, "POST");
                if (segments.size() != 2) {
                    throw PosProblem.notFound("play /control/scenarios/{seat|close|walk-in|pay-at-table}");
                }
                ScenarioRequest request = Exchanges.readJson(exchange, ScenarioRequest.class);
                Exchanges.sendJson(exchange, 200, play(segments.get(1), request));
            }
            case "faults" -> {
                if (exchange.getRequestMethod().equalsIgnoreCase("POST")) {
                    knobs.set(changed(knobs.current(), Exchanges.readJson(exchange, JsonNode.class)));
                } else {
                    Exchanges.requireMethod(exchange, "GET");
                }
                Exchanges.sendJson(exchange, 200, knobs.current());
            }
            case "tables" -> {
                Exchanges.requireMethod(exchange, "POST");
                Till till = till(Exchanges.readJson(exchange, InstallationRequest.class).installation());
                relay(exchange, till, () -> passerelle.putTables(till.settings(), till.floor().tables()));
            }
            case "ping" -> {
                Exchanges.requireMethod(exchange, "POST");
                Till till = till(Exchanges.readJson(exchange, InstallationRequest.class).installation());
                relay(exchange, till, () -> passerelle.ping(till.settings()));
            }
            case "poll" -> {
                Exchanges.requireMethod(exchange, "POST");
                Till till = till(Exchanges.readJson(exchange, InstallationRequest.class).installation());
                Exchanges.sendJson(exchange, 200, poller.pull(till));
            }
            default -> throw PosProblem.notFound(
                    "control resources: state, scenarios/{name}, faults, tables, ping, poll");
        }
    }

    private ScenarioResult play(String scenario, ScenarioRequest request) {
        Till till = till(request.installation());
        List<OrderItem> items = request.items() == null ? List.of() : request.items().stream()
                .map(item -> {
                    if (item.name() == null || item.name().isBlank()) {
                        throw PosProblem.badRequest("every item needs a name");
                    }
                    return till.item(item.name(), item.quantity(), item.unitPrice());
                })
                .toList();
        return switch (scenario) {
            case "seat" -> {
                if (request.reservationId() == null) {
                    throw PosProblem.badRequest("seat needs the reservationId of a reservation the till knows");
                }
                yield till.seat(request.reservationId(), request.table(), request.covers(), items);
            }
            case "walk-in" -> till.walkIn(request.table(), request.covers(), items);
            case "close" -> till.close(openOrder(till, request).orderId(), request.covers(), items);
            case "pay-at-table" -> till.payAtTable(openOrder(till, request).orderId(), items);
            default -> throw PosProblem.notFound("no scenario '" + scenario + "': seat, close, walk-in, pay-at-table");
        };
    }

    /** The order a close or payment is about: by orderId, else the one on the table, else the reservation's. */
    private static Bill openOrder(Till till, ScenarioRequest request) {
        if (request.orderId() != null) {
            return till.floor().openOrder(request.orderId());
        }
        if (request.table() != null) {
            return till.floor().openOrderOnTable(request.table())
                    .orElseThrow(() -> PosProblem.notFound("no open order on table " + request.table()));
        }
        if (request.reservationId() != null) {
            return till.floor().openOrderOfReservation(request.reservationId())
                    .orElseThrow(() -> PosProblem.notFound("no open order for reservation " + request.reservationId()));
        }
        throw PosProblem.badRequest("say which order: orderId, table or reservationId");
    }

    private Till till(String installation) {
        if (installation == null) {
            if (tills.size() == 1) {
                return tills.values().iterator().next();
            }
            throw PosProblem.badRequest("say which installation: one of " + tills.keySet());
        }
        Till till = tills.get(installation);
        if (till == null) {
            throw PosProblem.notFound("no installation " + installation + ": the installations are " + tills.keySet());
        }
        return till;
    }

    /** Only the knobs named in the request change; an unknown name is refused rather than silently ignored. */
    private static Knobs changed(Knobs current, JsonNode changes) {
        if (!changes.isObject()) {
            throw PosProblem.badRequest("send the knobs to change as a JSON object, e.g. {\"errorRate\": 0.2}");
        }
        ObjectNode merged = Json.MAPPER.valueToTree(current);
        for (Map.Entry<String, JsonNode> change : changes.properties()) {
            if (!merged.has(change.getKey())) {
                throw PosProblem.badRequest("no knob called " + change.getKey() + "; the knobs are "
                        + new ArrayList<>(merged.propertyNames()));
            }
            merged.set(change.getKey(), change.getValue());
        }
        return Json.MAPPER.treeToValue(merged, Knobs.class);
    }

    @FunctionalInterface
    private interface PasserelleCall {
        PasserelleClient.Reply call() throws IOException, InterruptedException;
    }

    /** Makes the call and passes on what Passerelle answered; 502 when it failed or could not be reached. */
    private void relay(HttpExchange exchange, Till till, PasserelleCall call) throws IOException, InterruptedException {
        PasserelleClient.Reply reply;
        try {
            reply = call.call();
        } catch (IOException unreachable) {
            String why = PasserelleClient.describe(unreachable);
            activity.error(till.id(), why);
            throw PosProblem.of(502, why);
        }
        if (!reply.isSuccess()) {
            activity.error(till.id(), "Passerelle answered " + reply.summary());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("installation", till.id());
        answer.put("passerelleStatus", reply.status());
        answer.put("passerelleAnswer", reply.summary());
        Exchanges.sendJson(exchange, reply.isSuccess() ? 200 : 502, answer);
    }

    private State state() {
        List<InstallationState> installations = new ArrayList<>();
        List<KnownReservation> reservations = new ArrayList<>();
        List<OpenOrder> openOrders = new ArrayList<>();
        for (Till till : tills.values()) {
            InstallationSettings settings = till.settings();
            boolean push = settings.style() == InstallationSettings.Style.PUSH;
            installations.add(new InstallationState(till.id(), settings.style().name(), settings.restaurantId(),
                    settings.posVersion(), settings.menu().name(), push ? WebhookReceiver.PREFIX + till.id() : null,
                    till.pullCursor(), till.lastPulledAt(), till.floor().tables(), till.floor().freeTables()));
            for (ReservationBook.Entry entry : till.book().entries()) {
                reservations.add(new KnownReservation(till.id(), entry.reservation(), entry.receivedVia(),
                        entry.receivedAt(), till.floor().wasSeated(entry.reservation().id())));
            }
            till.floor().openOrders().forEach(order -> openOrders.add(new OpenOrder(till.id(), order)));
        }
        return new State(startedAt, passerelleUrl, knobs.current(), installations, reservations, openOrders,
                activity.counters(), activity.recentEvents(), activity.lastErrors());
    }
}
