package io.passerelle.reservation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a POS reports, for drift and duplicate tests: orders opened and closed through {@link PosOrderService}, as the
 * partner API applies them. Not a Spring bean: importing one would change the context.
 */
public final class DriftSeeds {

    /** Tests do not look at who reported it: the sync engine's echo suppression is tested elsewhere. */
    private static final long CONNECTION = 0;

    private final PosOrderService posOrders;
    private final long restaurantId;

    public DriftSeeds(PosOrderService posOrders, long restaurantId) {
        this.posOrders = posOrders;
        this.restaurantId = restaurantId;
    }

    /** The POS seats the reservation at a table it names (not mapped to a dining table). */
    public void seat(Reservation reservation, String orderId, String posTable, int covers, Instant at) {
        posOrders.seat(restaurantId, CONNECTION, new PosSeating(reservation.getId(), orderId, posTable, null, null,
                covers, at));
    }

    /** The POS opens an order on a dining table without naming a reservation; returns the walk-in it became. */
    public long walkIn(String orderId, DiningTable table, int covers, Instant at) {
        var outcome = posOrders.seat(restaurantId, CONNECTION, new PosSeating(null, orderId, table.getName(),
                table.getId(), null, covers, at));
        if (outcome.effect() != PosEventOutcome.Effect.WALK_IN_CREATED) {
            throw new IllegalStateException("Expected a walk-in, got " + outcome);
        }
        return outcome.reservationId();
    }

    /** The POS closes an order, naming no reservation (as for a walk-in's bill). */
    public void close(String orderId, int covers, String total, Instant at) {
        posOrders.close(restaurantId, CONNECTION, new PosBill(orderId, null, covers, new BigDecimal(total), "EUR",
                List.of(new PosOrderItem("Menu", 1, new BigDecimal(total))),
                null, at));
    }
}
