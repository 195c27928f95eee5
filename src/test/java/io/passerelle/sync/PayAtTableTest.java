package io.passerelle.sync;

import static io.passerelle.sync.SimulatedPos.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.passerelle.reservation.ReservationStatus;
import io.passerelle.shared.NotFoundException;
import io.passerelle.shared.RuleViolationException;
import io.passerelle.synclog.LogOutcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Pay at table (DOMAIN rule 10, issue 4 item 6) against the POS simulator: items sent at the till make Passerelle
 * fetch the table's bill; a bill paid through pay at table is settled in the POS, retried through the outbox like
 * any delivery, and taken by the POS once whatever the number of attempts.
 */
class PayAtTableTest extends SimulatedPosTest {

    static final String KIR_FOR_TWO = "{\"table\": \"T5\", \"covers\": 2, \"items\": [{\"name\": \"Kir\","
            + " \"quantity\": 2, \"unitPrice\": \"6.50\"}, {\"name\": \"Plat du jour\", \"quantity\": 2,"
            + " \"unitPrice\": \"16.50\"}]}";

    @Autowired
    PayAtTableService payAtTable;

    @Test
    void itemsSentAtTheTillBringTheTablesBillAndAPaymentSettlesItInThePosOnce() {
        try (var pos = startPosReportingHere().withPayAtTable(connections)) {
            JsonNode walkIn = pos.scenario("walk-in", KIR_FOR_TWO);

            PayAtTableBill bill = awaitBill(pos);
            assertThat(bill.posBillId()).isEqualTo(walkIn.path("order").path("billId").asString());
            assertThat(bill.table()).isEqualTo("T5");
            assertThat(bill.total().amount()).isEqualByComparingTo("46.00");
            assertThat(bill.due().amount()).isEqualByComparingTo("46.00");
            assertThat(bill.items()).extracting(item -> item.name()).containsExactly("Kir", "Plat du jour");
            assertThat(bill.status()).isEqualTo(PayAtTableBill.Status.OPEN);

            PayAtTableBill settling = pos.asOwner(() -> payAtTable.pay(pos.restaurantId(), bill.id()));
            assertThat(settling.status()).isEqualTo(PayAtTableBill.Status.SETTLING);

            PayAtTableBill paid = await("the POS to take the payment", FEW_SECONDS, () -> current(pos, bill),
                    b -> b.status() == PayAtTableBill.Status.PAID);
            assertThat(paid.due().amount()).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(pos.counter("paymentsTaken")).isEqualTo(1);
            // the till closed the order and told Passerelle: the walk-in is finished with its bill
            await("the walk-in to be finished", FEW_SECONDS, () -> walkInStatus(pos),
                    status -> status.equals(ReservationStatus.FINISHED.name()));
            assertThatThrownBy(() -> pos.asOwner(() -> payAtTable.pay(pos.restaurantId(), bill.id())))
                    .isInstanceOfSatisfying(RuleViolationException.class,
                            refused -> assertThat(refused.messageKey()).isEqualTo("sync.error.bill-not-payable"));
            assertThat(logged(pos)).contains(Map.entry("bill.fetch", LogOutcome.SUCCESS.name()),
                    Map.entry("bill.payment", LogOutcome.SUCCESS.name()));
        }
    }

    @Test
    void aPaymentIsRetriedWhileThePosFailsAndSentAgainAfterALostAnswerItIsTakenOnce() {
        try (var pos = startPosReportingHere().withPayAtTable(connections)) {
            pos.scenario("walk-in", KIR_FOR_TWO);
            PayAtTableBill bill = awaitBill(pos);

            pos.faults("{\"errorRate\": 1.0, \"errorStatus\": 503, \"retryAfterSeconds\": 0}");
            pos.asOwner(() -> payAtTable.pay(pos.restaurantId(), bill.id()));
            await("the payment to be retrying", FEW_SECONDS, () -> paymentMessage(bill).get("attempts"),
                    attempts -> ((Number) attempts).intValue() >= 2);
            assertThat(current(pos, bill).status()).isEqualTo(PayAtTableBill.Status.SETTLING);
            pos.faults("{\"errorRate\": 0}");
            await("the POS to take the payment", Duration.ofSeconds(20), () -> current(pos, bill),
                    b -> b.status() == PayAtTableBill.Status.PAID);

            // a node that died after the POS took the payment but before recording it: the message is sent again
            jdbc.update("update outbox_message set status = 'PENDING', next_attempt_at = utc_timestamp(6)"
                    + " where id = ?", paymentMessage(bill).get("id"));
            await("the repeat to be acknowledged", FEW_SECONDS, () -> paymentMessage(bill).get("status"),
                    status -> status.equals("DELIVERED"));

            assertThat(pos.counter("paymentsTaken")).as("one payment, whatever the number of attempts").isEqualTo(1);
            assertThat(current(pos, bill).status()).isEqualTo(PayAtTableBill.Status.PAID);
            assertThat(jdbc.queryForObject("select count(*) from pos_order where restaurant_id = ?"
                    + " and payment_id is not null", Long.class, pos.restaurantId())).isEqualTo(1);
        }
    }

    @Test
    void aPaymentTheTillRefusesFailsVisiblyAndIsNotRetried() {
        try (var pos = startPosReportingHere().withPayAtTable(connections)) {
            JsonNode walkIn = pos.scenario("walk-in", KIR_FOR_TWO);
            PayAtTableBill bill = awaitBill(pos);
            // meanwhile the bill is paid at the counter
            pos.scenario("close", "{\"orderId\": \"" + walkIn.path("order").path("orderId").asString() + "\"}");

            pos.asOwner(() -> payAtTable.pay(pos.restaurantId(), bill.id()));

            await("the refused payment", FEW_SECONDS, () -> current(pos, bill),
                    b -> b.status() == PayAtTableBill.Status.PAYMENT_FAILED);
            Map<String, Object> message = paymentMessage(bill);
            assertThat(message.get("status")).isEqualTo("FAILED");
            assertThat(((Number) message.get("attempts")).intValue()).isEqualTo(1);
            assertThat(pos.counter("paymentsTaken")).isZero();
            assertThat(logged(pos)).contains(Map.entry("bill.payment", LogOutcome.FAILED.name()));
        }
    }

    @Test
    void withoutPayAtTableItemsSentFetchNothing() {
        try (var pos = startPosReportingHere()) {
            pos.scenario("walk-in", KIR_FOR_TWO);
            await("the walk-in", FEW_SECONDS, () -> walkInStatus(pos), status -> status.equals("ARRIVED"));
            await("the till to have sent its events", FEW_SECONDS, () -> pos.counter("eventsDelivered"),
                    delivered -> delivered == 2);

            assertThat(jdbc.queryForObject("select count(*) from outbox_message where connection_id = ?",
                    Long.class, pos.connectionId())).isZero();
            assertThat(pos.asOwner(() -> payAtTable.bills(pos.restaurantId(), 10))).isEmpty();
        }
    }

    @Test
    void billsOfAnotherRestaurantAreNotFound() {
        try (var pos = startPosReportingHere().withPayAtTable(connections)) {
            pos.scenario("walk-in", KIR_FOR_TWO);
            PayAtTableBill bill = awaitBill(pos);
            var other = fixtures.tenant();

            assertThatThrownBy(() -> fixtures.runAs(other.owner(),
                    () -> payAtTable.pay(other.restaurant().getId(), bill.id())))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> fixtures.runAs(other.owner(), () -> payAtTable.bills(pos.restaurantId(), 10)))
                    .isInstanceOf(NotFoundException.class);
            assertThat(current(pos, bill).status()).isEqualTo(PayAtTableBill.Status.OPEN);
        }
    }

    private PayAtTableBill awaitBill(SimulatedPos pos) {
        return await("the bill fetched from the POS", FEW_SECONDS,
                () -> pos.asOwner(() -> payAtTable.bills(pos.restaurantId(), 10)), bills -> bills.size() == 1)
                .getFirst();
    }

    private PayAtTableBill current(SimulatedPos pos, PayAtTableBill bill) {
        return pos.asOwner(() -> payAtTable.bill(pos.restaurantId(), bill.id()));
    }

    private String walkInStatus(SimulatedPos pos) {
        List<String> statuses = jdbc.queryForList("select status from reservation where restaurant_id = ?"
                + " and source = 'WALK_IN'", String.class, pos.restaurantId());
        return statuses.isEmpty() ? "" : statuses.getFirst();
    }

    private Map<String, Object> paymentMessage(PayAtTableBill bill) {
        return jdbc.queryForMap("select id, status, attempts from outbox_message where webhook_id ="
                + " (select payment_id from pay_at_table_bill where id = ?)", bill.id());
    }

    private List<Map.Entry<String, String>> logged(SimulatedPos pos) {
        return jdbc.query("select message_type, outcome from sync_log_entry where restaurant_id = ?"
                        + " and direction = 'OUT' order by id",
                (rs, row) -> Map.entry(rs.getString(1), rs.getString(2)), pos.restaurantId());
    }
}
