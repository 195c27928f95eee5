package io.passerelle.reservation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order of a guest's, as the POS sent it: its lines, and its total once the bill closed.
 *
 * @param total    null while the order is open
 * @param currency the bill's currency (ISO 4217), null while the order is open
 */
public record GuestOrder(String orderId, Instant openedAt, Instant closedAt, String tableName, Integer covers,
        BigDecimal total, String currency, List<PosOrderItem> items) {

    static GuestOrder of(PosOrder order) {
        return new GuestOrder(order.getExternalId(), order.getOpenedAt(), order.getClosedAt(), order.getTableName(),
                order.getCovers(), order.getTotalAmount(), order.getCurrency(), order.getItems());
    }

    public boolean isClosed() {
        return closedAt != null;
    }
}
