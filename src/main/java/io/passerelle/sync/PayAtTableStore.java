package io.passerelle.sync;

import io.passerelle.partner.OpenBill;
import io.passerelle.partner.PaymentReceipt;
import io.passerelle.partner.PosMoney;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bills fetched from pay-at-table servers, in plain SQL like the outbox. Lookups by id include the restaurant;
 * a payment moves a bill forward only by conditional updates, so two payments of one bill can never both start.
 */
@Repository
class PayAtTableStore {

    private static final String COLUMNS = """
            id, restaurant_id, connection_id, pos_bill_id, order_id, table_name, covers, currency, total_amount,
            due_amount, items, status, payment_id, fetched_at, paid_at""";
    private static final TypeReference<List<OpenBill.Item>> ITEMS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PayAtTableStore(JdbcTemplate jdbcTemplate, JsonMapper json) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.json = json;
    }

    /**
     * The bill as the POS gave it, new or refreshed. A refresh updates what the POS says (items, total, due) but
     * never the state of a payment in progress: only an OPEN bill follows the POS's due amount.
     */
    void storeFetched(long restaurantId, long connectionId, OpenBill bill, Instant now) {
        jdbc.sql("""
                insert into pay_at_table_bill (restaurant_id, connection_id, pos_bill_id, order_id, table_name, covers,
                    currency, total_amount, due_amount, items, status, fetched_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)
                on duplicate key update order_id = values(order_id), table_name = values(table_name),
                    covers = values(covers), currency = values(currency), total_amount = values(total_amount),
                    items = values(items), fetched_at = values(fetched_at),
                    due_amount = if(status = 'OPEN', values(due_amount), due_amount)""")
                .params(restaurantId, connectionId, bill.billId(), bill.orderId(), truncate(bill.table()),
                        bill.covers(), bill.total().currency(), bill.total().amount(), bill.due().amount(),
                        json.writeValueAsString(bill.items()), utc(now))
                .update();
    }

    Optional<PayAtTableBill> find(long restaurantId, long billId) {
        return jdbc.sql("select " + COLUMNS + " from pay_at_table_bill where id = ? and restaurant_id = ?")
                .params(billId, restaurantId)
                .query(this::bill)
                .optional();
    }

    /** Newest first. */
    List<PayAtTableBill> bills(long restaurantId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from pay_at_table_bill where restaurant_id = ?"
                        + " order by id desc limit ?")
                .params(restaurantId, limit)
                .query(this::bill)
                .list();
    }

    /** OPEN with something due becomes SETTLING under this payment id; false if the bill was not payable. */
    boolean startSettling(long restaurantId, long billId, String paymentId) {
        return jdbc.sql("""
                update pay_at_table_bill set status = 'SETTLING', payment_id = ?
                where id = ? and restaurant_id = ? and status = 'OPEN' and due_amount > 0""")
                .params(paymentId, billId, restaurantId)
                .update() == 1;
    }

    /** The POS took the payment (maybe answering a repeat of it): PAID, or OPEN again for what is still due. */
    void settled(String paymentId, PaymentReceipt receipt, Instant now) {
        boolean paid = receipt.settled();
        jdbc.sql("""
                update pay_at_table_bill set status = ?, due_amount = ?, paid_at = ?,
                    payment_id = if(? , payment_id, null)
                where payment_id = ?""")
                .params(paid ? "PAID" : "OPEN", receipt.due().amount(), paid ? utc(now) : null, paid, paymentId)
                .update();
    }

    void paymentFailed(String paymentId) {
        jdbc.sql("update pay_at_table_bill set status = 'PAYMENT_FAILED' where payment_id = ? and status = 'SETTLING'")
                .params(paymentId)
                .update();
    }

    private PayAtTableBill bill(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        LocalDateTime paidAt = rs.getObject("paid_at", LocalDateTime.class);
        return new PayAtTableBill(rs.getLong("id"), rs.getLong("restaurant_id"), rs.getLong("connection_id"),
                rs.getString("pos_bill_id"), rs.getString("order_id"), rs.getString("table_name"),
                rs.getObject("covers", Integer.class), new PosMoney(rs.getBigDecimal("total_amount"), currency),
                new PosMoney(rs.getBigDecimal("due_amount"), currency), json.readValue(rs.getString("items"), ITEMS),
                PayAtTableBill.Status.valueOf(rs.getString("status")), rs.getString("payment_id"),
                rs.getObject("fetched_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                paidAt == null ? null : paidAt.toInstant(ZoneOffset.UTC));
    }

    private static String truncate(String table) {
        return table == null || table.length() <= PayAtTableBill.TABLE_MAX_LENGTH ? table
                : table.substring(0, PayAtTableBill.TABLE_MAX_LENGTH);
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
