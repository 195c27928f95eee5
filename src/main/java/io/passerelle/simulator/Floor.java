package io.passerelle.simulator;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The dining room as the till sees it: the floor plan, the open orders on its tables, the bills settled
 * lately and the payments taken. Every method holds the floor's lock, so scenarios, the random player and
 * pay-at-table calls never see half an order.
 */
final class Floor {

    /** A settled bill is kept this long (in bills) so that a late payment retry still gets its receipt. */
    private static final int SETTLED_KEPT = 1_000;

    /** The result of a payment; {@code settledBill} is set only by the payment that settled the bill. */
    record Settlement(PaymentReceipt receipt, boolean replayed, Bill settledBill) {}

    private final List<String> tables;
    private final String currency;
    private final Map<String, Order> openOrders = new LinkedHashMap<>();
    private final Map<String, Order> settledOrders = bounded(SETTLED_KEPT);
    private final Map<String, PaymentReceipt> receipts = bounded(SETTLED_KEPT * 4);
    private final Set<String> seatedReservations = new HashSet<>();

    Floor(List<String> tables, String currency) {
        this.tables = List.copyOf(tables);
        this.currency = currency;
    }

    List<String> tables() {
        return tables;
    }

    synchronized List<String> freeTables() {
        Set<String> taken = new HashSet<>();
        openOrders.values().forEach(order -> taken.add(order.table));
        return tables.stream().filter(table -> !taken.contains(table)).toList();
    }

    synchronized Bill open(String table, int covers, String reservationId, OffsetDateTime at) {
        if (!tables.contains(table)) {
            throw PosProblem.notFound("table " + table + " is not on the floor plan " + tables);
        }
        findOpen(order -> order.table.equals(table)).ifPresent(order -> {
            throw PosProblem.conflict("table " + table + " is taken by order " + order.orderId);
        });
        if (covers < 1) {
            throw PosProblem.badRequest("covers must be at least 1");
        }
        if (reservationId != null && !seatedReservations.add(reservationId)) {
            throw PosProblem.conflict("reservation " + reservationId + " is already seated");
        }
        Order order = new Order("ord_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12), table, covers,
                reservationId, at);
        openOrders.put(order.orderId, order);
        return order.bill();
    }

    synchronized Bill openOrder(String orderId) {
        return requireOpen(orderId).bill();
    }

    synchronized Optional<Bill> openOrderOnTable(String table) {
        return findOpen(order -> order.table.equals(table)).map(Order::bill);
    }

    synchronized Optional<Bill> openOrderOfReservation(String reservationId) {
        return findOpen(order -> reservationId.equals(order.reservationId)).map(Order::bill);
    }

    synchronized List<Bill> openOrders() {
        return openOrders.values().stream().map(Order::bill).toList();
    }

    synchronized boolean wasSeated(String reservationId) {
        return seatedReservations.contains(reservationId);
    }

    synchronized Bill addItems(String orderId, List<OrderItem> items) {
        Order order = requireOpen(orderId);
        order.items.addAll(items);
        return order.bill();
    }

    /** Closes the bill at the till (paid at the counter); {@code covers}, when given, corrects the count. */
    synchronized Bill close(String orderId, Integer covers) {
        Order order = requireOpen(orderId);
        if (covers != null) {
            if (covers < 1) {
                throw PosProblem.badRequest("covers must be at least 1");
            }
            order.covers = covers;
        }
        order.paid = order.total();
        return settle(order, "CLOSED");
    }

    /**
     * Takes a pay-at-table payment. The same paymentId is settled once: sent again, it gets the same receipt and
     * pays nothing more. Without an amount, the payment covers what is due.
     */
    synchronized Settlement pay(String billId, String paymentId, Money amount, OffsetDateTime at) {
        PaymentReceipt known = receipts.get(paymentId);
        if (known != null) {
            if (!known.billId().equals(billId)) {
                throw PosProblem.conflict("payment " + paymentId + " was already made on bill " + known.billId());
            }
            return new Settlement(known, true, null);
        }
        Order order = openOrders.get(billId);
        if (order == null) {
            throw settledOrders.containsKey(billId)
                    ? PosProblem.conflict("bill " + billId + " is already settled")
                    : PosProblem.notFound("no open bill " + billId);
        }
        if (order.items.isEmpty()) {
            throw PosProblem.conflict("bill " + billId + " has nothing on it yet");
        }
        Money due = order.due();
        Money paying = amount == null ? due : amount;
        if (!paying.currency().equals(currency)) {
            throw PosProblem.unprocessable("this till takes " + currency + ", not " + paying.currency());
        }
        if (!paying.isPositive()) {
            throw PosProblem.badRequest("a payment must be more than zero");
        }
        if (paying.isGreaterThan(due)) {
            throw PosProblem.unprocessable("the payment of " + paying.amount() + " exceeds the " + due.amount()
                    + " due on bill " + billId);
        }
        order.paid = order.paid.plus(paying);
        Money stillDue = order.due();
        boolean settles = !stillDue.isPositive();
        PaymentReceipt receipt = new PaymentReceipt(paymentId, billId, paying, stillDue,
                settles ? "PAID" : "PARTIALLY_PAID", at);
        receipts.put(paymentId, receipt);
        return new Settlement(receipt, false, settles ? settle(order, "PAID") : null);
    }

    private Bill settle(Order order, String status) {
        order.status = status;
        openOrders.remove(order.orderId);
        settledOrders.put(order.orderId, order);
        return order.bill();
    }

    private Order requireOpen(String orderId) {
        Order order = openOrders.get(orderId);
        if (order == null) {
            throw settledOrders.containsKey(orderId)
                    ? PosProblem.conflict("order " + orderId + " is already settled")
                    : PosProblem.notFound("no open order " + orderId);
        }
        return order;
    }

    private Optional<Order> findOpen(Predicate<Order> predicate) {
        return openOrders.values().stream().filter(predicate).findFirst();
    }

    private static <V> Map<String, V> bounded(int capacity) {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Mutable, and only ever touched under the floor's lock; the outside world sees {@link Bill} snapshots. */
    private final class Order {
        final String orderId;
        final String table;
        final String reservationId;
        final OffsetDateTime openedAt;
        final List<OrderItem> items = new ArrayList<>();
        int covers;
        Money paid = Money.zero(currency);
        String status = "OPEN";

        Order(String orderId, String table, int covers, String reservationId, OffsetDateTime openedAt) {
            this.orderId = orderId;
            this.table = table;
            this.covers = covers;
            this.reservationId = reservationId;
            this.openedAt = openedAt;
        }

        Money total() {
            return items.stream().map(OrderItem::lineTotal).reduce(Money.zero(currency), Money::plus);
        }

        Money due() {
            return total().minus(paid);
        }

        Bill bill() {
            return new Bill(orderId, orderId, table, covers, reservationId, openedAt, List.copyOf(items), total(), paid,
                    due(), status);
        }
    }
}
