package io.passerelle.reservation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a POS reports, for drift and duplicate tests: orders opened and closed through {@link PosOrderService}, as the
 * partner API applies them (it resolves the POS's table name to a dining table first). Not a Spring bean: importing
 * one would change the context.
 */
public final class DriftSeeds {

    /** Tests that do not look at who reported it: the sync engine's echo suppression is tested elsewhere. */
    static final long ANY_CONNECTION = 0;

    private final PosOrderService posOrders;
    private final long restaurantId;
    private final long connectionId;

    public DriftSeeds(PosOrderService posOrders, long restaurantId) {
        this(posOrders, restaurantId, ANY_CONNECTION);
    }

    /** @param connectionId the connection whose POS reports: its table-name links decide what its names stand for */
    public DriftSeeds(PosOrderService posOrders, long restaurantId, long connectionId) {
        this.posOrders = posOrders;
        this.restaurantId = restaurantId;
        this.connectionId = connectionId;
    }

    /** The POS seats the reservation at a table it names, which stands for no dining table. */
    public void seat(Reservation reservation, String orderId, String posTable, int covers, Instant at) {
        seatAt(reservation, orderId, posTable, null, covers, at);
    }

    /** The POS seats the reservation at a table it names, which stands for this dining table (or none: null). */
    public void seatAt(Reservation reservation, String orderId, String posTable, DiningTable resolvedTo, int covers,
            Instant at) {
        posOrders.seat(restaurantId, connectionId, new PosSeating(reservation.getId(), orderId, posTable,
                resolvedTo == null ? null : resolvedTo.getId(), null, covers, at));
    }

    /** The POS opens an order on a dining table without naming a reservation; returns the walk-in it became. */
    public long walkIn(String orderId, DiningTable table, int covers, Instant at) {
        return walkIn(new PosSeating(null, orderId, table.getName(), table.getId(), null, covers, at));
    }

    /**
     * The POS opens an order without naming a reservation, on a table whose name stands for no dining table (or on
     * no table: null), saying how many covers or not (null); returns the walk-in it became.
     */
    public long walkInOnUnknownTable(String orderId, String posTable, Integer covers, Instant at) {
        return walkIn(new PosSeating(null, orderId, posTable, null, null, covers, at));
    }

    private long walkIn(PosSeating seating) {
        var outcome = posOrders.seat(restaurantId, connectionId, seating);
        if (outcome.effect() != PosEventOutcome.Effect.WALK_IN_CREATED) {
            throw new IllegalStateException("Expected a walk-in, got " + outcome);
        }
        return outcome.reservationId();
    }

    /** The POS closes an order, naming no reservation (as for a walk-in's bill). */
    public void close(String orderId, int covers, String total, Instant at) {
        closeOn(null, orderId, covers, total, at);
    }

    /** The POS closes an order of this reservation (null: naming none). */
    public void closeOn(Long reservationId, String orderId, int covers, String total, Instant at) {
        posOrders.close(restaurantId, connectionId, new PosBill(orderId, reservationId, covers, new BigDecimal(total),
                "EUR", List.of(new PosOrderItem("Menu", 1, new BigDecimal(total))), null, at));
    }
}
