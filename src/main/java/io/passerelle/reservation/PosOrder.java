package io.passerelle.reservation;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An order (bill) the POS reported, by its own order id, unique per restaurant: however many events talk about
 * it, there is one row, and it is closed once. Its close is what updates the guest's statistics.
 */
@Entity
@Table(name = "pos_order")
public class PosOrder {

    public static final int EXTERNAL_ID_MAX_LENGTH = 100;
    public static final int PAYMENT_ID_MAX_LENGTH = 100;
    public static final int CURRENCY_LENGTH = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "restaurant_id", nullable = false, updatable = false)
    private long restaurantId;

    /** The connection whose POS reported it; null for orders reported before this was kept (V14). */
    @Column(name = "connection_id", updatable = false)
    private Long connectionId;

    @Column(name = "external_id", nullable = false, updatable = false, length = EXTERNAL_ID_MAX_LENGTH)
    private String externalId;

    @Column(name = "reservation_id")
    private Long reservationId;

    /** The POS's own name for the table, as it reported it. */
    @Column(name = "table_name", length = DiningTable.NAME_MAX_LENGTH)
    private String tableName;

    /**
     * The dining table {@link #tableName} stands for (table-name reconciliation), or null: none. Derived, and kept
     * up to date by {@link PosOrderTables} when a link or a table's name changes.
     */
    @Column(name = "dining_table_id")
    private Long diningTableId;

    private Integer covers;

    @Column(name = "total_amount", precision = 12, scale = 2)
    private BigDecimal totalAmount;

    @Column(length = CURRENCY_LENGTH)
    private String currency;

    @Column(name = "payment_id", length = PAYMENT_ID_MAX_LENGTH)
    private String paymentId;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "pos_order_item", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<PosOrderItem> items = new ArrayList<>();

    protected PosOrder() {}

    PosOrder(long restaurantId, long connectionId, String externalId, Long reservationId, String tableName,
            DiningTable diningTable, Integer covers, Instant openedAt, Instant now) {
        this.restaurantId = restaurantId;
        this.connectionId = connectionId;
        this.externalId = externalId;
        this.reservationId = reservationId;
        this.tableName = tableName;
        this.diningTableId = diningTable == null ? null : diningTable.getId();
        this.covers = covers;
        this.openedAt = openedAt;
        this.createdAt = now;
    }

    void close(int billCovers, BigDecimal total, String billCurrency, List<PosOrderItem> billItems, String payment,
            Instant closedAt) {
        this.covers = billCovers;
        this.totalAmount = total;
        this.currency = billCurrency;
        this.items = new ArrayList<>(billItems);
        this.paymentId = payment;
        this.closedAt = closedAt;
    }

    void attachTo(long reservation) {
        this.reservationId = reservation;
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    public Long getId() {
        return id;
    }

    long getVersion() {
        return version;
    }

    public long getRestaurantId() {
        return restaurantId;
    }

    Long getConnectionId() {
        return connectionId;
    }

    public String getExternalId() {
        return externalId;
    }

    public Long getReservationId() {
        return reservationId;
    }

    public String getTableName() {
        return tableName;
    }

    public Long getDiningTableId() {
        return diningTableId;
    }

    public Integer getCovers() {
        return covers;
    }

    public BigDecimal getTotalAmount() {
        return totalAmount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getPaymentId() {
        return paymentId;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    public List<PosOrderItem> getItems() {
        return List.copyOf(items);
    }
}
