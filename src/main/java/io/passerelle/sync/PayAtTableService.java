package io.passerelle.sync;

import io.passerelle.connection.ConnectionService;
import io.passerelle.restaurant.RestaurantAccess;
import io.passerelle.shared.NotFoundException;
import io.passerelle.shared.RuleViolationException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pay at table (DOMAIN rule 10): when the POS says items were sent, the table's bill is fetched from its
 * pay-at-table server; a bill paid through pay at table is settled in the POS. Both calls are outbox messages,
 * written in the caller's transaction and carried by the relay like webhooks (claims, retries, breaker, log), so
 * a payment is retried until the POS answers and, carrying one payment id throughout, is taken once.
 */
@Service
public class PayAtTableService {

    private final OutboxStore outbox;
    private final PayAtTableStore bills;
    private final PayAtTableCalls calls;
    private final ConnectionService connections;
    private final RestaurantAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PayAtTableService(OutboxStore outbox, PayAtTableStore bills, PayAtTableCalls calls, ConnectionService connections,
            RestaurantAccess access, ApplicationEventPublisher events, Clock clock) {
        this.outbox = outbox;
        this.bills = bills;
        this.calls = calls;
        this.connections = connections;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Machine side, for the partner API ({@code order.items_sent}): queues the fetch of the table's bill, in the
     * event's transaction. False when the connection has no pay at table (nothing to fetch from).
     */
    @Transactional
    public boolean itemsSent(long restaurantId, long connectionId, String table) {
        if (connections.payAtTableTarget(connectionId).isEmpty()) {
            return false;
        }
        outbox.insertPayAtTableCall(restaurantId, connectionId, MessageType.BILL_FETCH, "bill_" + UUID.randomUUID(),
                calls.fetchPayload(table), clock.instant());
        events.publishEvent(new PayAtTableCallQueued(connectionId));
        return true;
    }

    /** The bills fetched for the restaurant, newest first. */
    @Transactional(readOnly = true)
    public List<PayAtTableBill> bills(long restaurantId, int limit) {
        access.check(restaurantId);
        return bills.bills(restaurantId, limit);
    }

    @Transactional(readOnly = true)
    public PayAtTableBill bill(long restaurantId, long billId) {
        access.check(restaurantId);
        return bills.find(restaurantId, billId).orElseThrow(() -> NotFoundException.forId("Bill", billId));
    }

    /**
     * The guest paid what is due through pay at table: the payment is queued for the POS under a new payment id.
     * Refused unless the bill is open with something due, so a bill is never paid twice from here.
     */
    @Transactional
    public PayAtTableBill pay(long restaurantId, long billId) {
        PayAtTableBill bill = bill(restaurantId, billId);
        String paymentId = "pay_" + UUID.randomUUID();
        if (!bills.startSettling(restaurantId, billId, paymentId)) {
            throw new RuleViolationException(null, "sync.error.bill-not-payable",
                    "This bill is paid already, or being paid, or has nothing due");
        }
        outbox.insertPayAtTableCall(restaurantId, bill.connectionId(), MessageType.BILL_PAYMENT, paymentId,
                calls.paymentPayload(bill.posBillId(), paymentId, bill.due()), clock.instant());
        events.publishEvent(new PayAtTableCallQueued(bill.connectionId()));
        return bills.find(restaurantId, billId).orElseThrow();
    }
}
