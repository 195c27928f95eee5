package io.passerelle.partner;

import java.util.List;

/**
 * A table's bill as the POS's pay-at-table server gives it ({@code GET .../tables/{table}/bill}).
 *
 * @param reservationId the wire id of the reservation the guests came with, or null
 * @param status        the POS's word: OPEN, CLOSED, PAID
 */
public record OpenBill(String billId, String orderId, String table, Integer covers, String reservationId,
        List<Item> items, PosMoney total, PosMoney due, String status) {

    public record Item(String name, int quantity, PosMoney unitPrice) {}
}
