package io.passerelle.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.Map;

/**
 * The till's pay-at-table server, addressed by installation ID: {@code GET /installations/{id}} names the installation
 * back (what Passerelle's onboarding checklist asks to see that the server and the ID answer; 404 for an ID it does
 * not serve), {@code GET /installations/{id}/tables/{table}/bill} gives the open bill on a table, and
 * {@code POST /installations/{id}/bills/{billId}/payments} with {@code {"paymentId": "...", "amount": {...}}}
 * settles it (the amount may be left out to pay what is due). A paymentId is taken once: sent again it is
 * answered with the same receipt and pays nothing more.
 */
final class PayAtTableEndpoint implements Exchanges.Route {

    static final String PREFIX = "/installations/";

    record PaymentRequest(String paymentId, Money amount) {}

    /** @param posVersion null when the installation has none configured (left out of the JSON) */
    record Installation(String installationId, String posVersion) {}

    private final Map<String, Till> tills;

    PayAtTableEndpoint(Map<String, Till> tills) {
        this.tills = tills;
    }

    @Override
    public void handle(HttpExchange exchange) throws Exception {
        List<String> segments = Exchanges.segmentsAfter(exchange, PREFIX);
        Till till = segments.isEmpty() ? null : tills.get(segments.getFirst());
        if (till == null) {
            throw PosProblem.notFound("no installation at " + exchange.getRequestURI().getPath());
        }
        if (segments.size() == 1) {
            Exchanges.requireMethod(exchange, "GET");
            Exchanges.sendJson(exchange, 200, new Installation(till.id(), till.settings().posVersion()));
        } else if (segments.size() == 4 && segments.get(1).equals("tables") && segments.get(3).equals("bill")) {
            Exchanges.requireMethod(exchange, "GET");
            String table = segments.get(2);
            Bill bill = till.floor().openOrderOnTable(table)
                    .orElseThrow(() -> PosProblem.notFound("no open bill on table " + table));
            Exchanges.sendJson(exchange, 200, bill);
        } else if (segments.size() == 4 && segments.get(1).equals("bills") && segments.get(3).equals("payments")) {
            Exchanges.requireMethod(exchange, "POST");
            PaymentRequest payment = Exchanges.readJson(exchange, PaymentRequest.class);
            if (payment.paymentId() == null || payment.paymentId().isBlank()) {
                throw PosProblem.badRequest("paymentId is required: it is what makes a retried payment safe");
            }
            Exchanges.sendJson(exchange, 200,
                    till.takePayment(segments.get(2), payment.paymentId(), payment.amount()).receipt());
        } else {
            throw PosProblem.notFound("no pay-at-table resource at " + exchange.getRequestURI().getPath());
        }
    }
}
