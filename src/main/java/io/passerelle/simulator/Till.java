package io.passerelle.simulator;

import io.passerelle.simulator.Activity.Counter;
import io.passerelle.simulator.PosEvent.ItemsSent;
import io.passerelle.simulator.PosEvent.OrderClosed;
import io.passerelle.simulator.PosEvent.OrderOpened;
import io.passerelle.simulator.PosEvent.OrderPaidAtTable;
import io.passerelle.simulator.PosEvent.ReservationAttached;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One installed till: its reservation book, its floor, and what a waiter does at it. Every change worth
 * telling Passerelle about becomes an event in the outbox.
 */
final class Till {

    private static final int WEBHOOK_IDS_KEPT = 10_000;

    /** The receipt; {@code settledBill} and {@code event} are set only when this payment settled the bill. */
    record TakenPayment(PaymentReceipt receipt, Bill settledBill, PosEvent event) {}

    private final InstallationSettings settings;
    private final Clock clock;
    private final String currency;
    private final ReservationBook book = new ReservationBook();
    private final SeenIds webhookIds = new SeenIds(WEBHOOK_IDS_KEPT);
    /** Few: Passerelle sends the names of the restaurant's dining tables, tens of them. */
    private final Set<String> unknownTablesWarnedAbout = ConcurrentHashMap.newKeySet();
    private final Floor floor;
    private final EventOutbox outbox;
    private final Activity activity;
    private volatile String pullCursor;
    private volatile OffsetDateTime lastPulledAt;

    Till(InstallationSettings settings, List<String> tables, String currency, Clock clock, EventOutbox outbox,
            Activity activity) {
        this.settings = settings;
        this.clock = clock;
        this.currency = currency;
        this.floor = new Floor(tables, currency);
        this.outbox = outbox;
        this.activity = activity;
    }

    String id() {
        return settings.installationId();
    }

    InstallationSettings settings() {
        return settings;
    }

    ReservationBook book() {
        return book;
    }

    Floor floor() {
        return floor;
    }

    SeenIds webhookIds() {
        return webhookIds;
    }

    /** True the first time a reservation names this table that is not on the floor plan. */
    boolean firstWarningAboutUnknownTable(String table) {
        return unknownTablesWarnedAbout.add(table);
    }

    EventOutbox outbox() {
        return outbox;
    }

    /** Pull style: where the last pull left off, passed back to get only what changed since. */
    String pullCursor() {
        return pullCursor;
    }

    OffsetDateTime lastPulledAt() {
        return lastPulledAt;
    }

    void pulled(String cursor) {
        pullCursor = cursor;
        lastPulledAt = now();
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * The guests of a reservation sit down: an order is opened for them. Each style says so with the event its
     * partner sends (the catalogue): a push-style till opens the order with the reservationId, a pull-style till
     * attaches the reservation to it.
     */
    ScenarioResult seat(String reservationId, String table, Integer covers, List<OrderItem> items) {
        Reservation reservation = book.find(reservationId).orElseThrow(() -> PosProblem.notFound(
                "reservation " + reservationId + " is not in the reservation book of " + id()));
        String chosenTable = table != null ? table : preferredOrFreeTable(reservation.table());
        int seatedCovers = covers != null ? covers : reservation.partySize() != null ? reservation.partySize() : 2;
        Bill order = floor.open(chosenTable, seatedCovers, reservationId, now());
        PosEvent seated = isPushStyle()
                ? new OrderOpened(newEventId(), now(), order.orderId(), order.table(), reservationId, order.covers())
                : new ReservationAttached(newEventId(), now(), reservationId, order.orderId(), order.table());
        outbox.enqueue(seated);
        order = withItems(order, items);
        return ScenarioResult.of(this, "seat", order, null, seated);
    }

    /** A pull-style till's partner sends no walk-ins (the catalogue lists no order.opened for it). */
    boolean sendsWalkIns() {
        return isPushStyle();
    }

    /** Guests without a reservation take a table. */
    ScenarioResult walkIn(String table, Integer covers, List<OrderItem> items) {
        if (!sendsWalkIns()) {
            throw PosProblem.conflict(id() + " is a pull-style installation: it does not send walk-ins");
        }
        String chosenTable = table != null ? table : preferredOrFreeTable(null);
        int seatedCovers = covers != null ? covers : 1 + ThreadLocalRandom.current().nextInt(4);
        Bill order = floor.open(chosenTable, seatedCovers, null, now());
        OrderOpened opened =
                new OrderOpened(newEventId(), now(), order.orderId(), order.table(), null, order.covers());
        outbox.enqueue(opened);
        order = withItems(order, items);
        return ScenarioResult.of(this, "walk-in", order, null, opened);
    }

    /** The bill is paid at the counter; a table that ordered nothing yet is given a plausible meal first. */
    ScenarioResult close(String orderId, Integer covers, List<OrderItem> items) {
        Bill order = withMealIfEmpty(withItems(floor.openOrder(orderId), items));
        Bill closed = floor.close(order.orderId(), covers);
        OrderClosed event = new OrderClosed(newEventId(), now(), closed.orderId(), closed.reservationId(),
                closed.covers(), closed.total(), closed.items());
        outbox.enqueue(event);
        return ScenarioResult.of(this, "close", closed, null, event);
    }

    /** A guest pays the whole bill from their phone, as pay at table would settle it. */
    ScenarioResult payAtTable(String orderId, List<OrderItem> items) {
        Bill order = withMealIfEmpty(withItems(floor.openOrder(orderId), items));
        String paymentId = "pay_" + UUID.randomUUID();
        TakenPayment payment = takePayment(order.billId(), paymentId, null);
        return ScenarioResult.of(this, "pay-at-table", payment.settledBill(), paymentId, payment.event());
    }

    /**
     * A pay-at-table payment on a bill. The payment that settles the bill closes the order and tells Passerelle;
     * the same paymentId sent again is answered with the same receipt and changes nothing.
     */
    TakenPayment takePayment(String billId, String paymentId, Money amount) {
        Floor.Settlement settlement = floor.pay(billId, paymentId, amount, now());
        Bill paid = settlement.settledBill();
        if (settlement.replayed() || paid == null) {
            return new TakenPayment(settlement.receipt(), paid, null);
        }
        activity.count(Counter.PAYMENTS_TAKEN);
        OrderPaidAtTable event = new OrderPaidAtTable(newEventId(), now(), paid.orderId(), paid.reservationId(),
                paid.covers(), paid.total(), paid.items(), paymentId);
        outbox.enqueue(event);
        return new TakenPayment(settlement.receipt(), paid, event);
    }

    /** A priced line from the menu, or at the price given for anything off the menu. */
    OrderItem item(String name, Integer quantity, BigDecimal unitPrice) {
        int count = quantity == null ? 1 : quantity;
        if (count < 1) {
            throw PosProblem.badRequest("the quantity of '" + name + "' must be at least 1");
        }
        if (unitPrice != null) {
            return new OrderItem(name, count, Money.of(unitPrice, currency));
        }
        return settings.menu().item(name, count, currency).orElseThrow(() -> PosProblem.badRequest(
                "'" + name + "' is not on the " + settings.menu().name().toLowerCase() + " menu: give its unitPrice"));
    }

    /** Items ordered and sent to the kitchen; a push-style till says so (pay at table then fetches the bill). */
    private Bill withItems(Bill order, List<OrderItem> items) {
        if (items == null || items.isEmpty()) {
            return order;
        }
        Bill updated = floor.addItems(order.orderId(), items);
        if (isPushStyle()) {
            outbox.enqueue(new ItemsSent(newEventId(), now(), updated.orderId(), updated.table(),
                    updated.reservationId()));
        }
        return updated;
    }

    private boolean isPushStyle() {
        return settings.style() == InstallationSettings.Style.PUSH;
    }

    private Bill withMealIfEmpty(Bill order) {
        return order.items().isEmpty()
                ? floor.addItems(order.orderId(), settings.menu().randomMeal(order.covers(), currency,
                        ThreadLocalRandom.current()))
                : order;
    }

    private String preferredOrFreeTable(String preferred) {
        List<String> free = floor.freeTables();
        if (preferred != null && free.contains(preferred)) {
            return preferred;
        }
        if (free.isEmpty()) {
            throw PosProblem.conflict("every table of " + id() + " is taken");
        }
        return free.get(ThreadLocalRandom.current().nextInt(free.size()));
    }

    private static String newEventId() {
        return UUID.randomUUID().toString();
    }
}
