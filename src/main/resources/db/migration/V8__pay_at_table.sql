-- Pay at table (DOMAIN rule 10). Calls to a POS's pay-at-table server (fetch a table's bill, settle a bill paid
-- through pay at table) travel through the outbox like webhooks, with the same claims, retries and log; their rows
-- are about a bill, not a reservation.
ALTER TABLE outbox_message
    MODIFY reservation_id BIGINT NULL,
    MODIFY reservation_version BIGINT NULL;

-- The bills fetched from the POS, one row per bill of a connection, refreshed at every fetch. status is Passerelle's
-- side of the payment: OPEN (payable), SETTLING (a payment is on its way to the POS, payment_id is its idempotency
-- key), PAID, PAYMENT_FAILED (the POS refused it or could not be reached for good: replayable).
CREATE TABLE pay_at_table_bill (
    id            BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    restaurant_id BIGINT         NOT NULL,
    connection_id BIGINT         NOT NULL,
    pos_bill_id   VARCHAR(100)   NOT NULL,
    order_id      VARCHAR(100)   NULL,
    table_name    VARCHAR(60)    NULL,
    covers        INT            NULL,
    currency      CHAR(3)        NOT NULL,
    total_amount  DECIMAL(12, 2) NOT NULL,
    due_amount    DECIMAL(12, 2) NOT NULL,
    -- the bill's lines as the POS gave them, JSON
    items         MEDIUMTEXT     NOT NULL,
    status        VARCHAR(16)    NOT NULL,
    payment_id    VARCHAR(100)   NULL,
    fetched_at    DATETIME(6)    NOT NULL,
    paid_at       DATETIME(6)    NULL,
    CONSTRAINT uk_pay_at_table_bill UNIQUE (connection_id, pos_bill_id),
    CONSTRAINT uk_pay_at_table_payment UNIQUE (payment_id),
    CONSTRAINT fk_pay_at_table_bill_restaurant FOREIGN KEY (restaurant_id) REFERENCES restaurant (id),
    CONSTRAINT fk_pay_at_table_bill_connection FOREIGN KEY (connection_id) REFERENCES partner_connection (id)
        ON DELETE CASCADE,
    INDEX ix_pay_at_table_bill_restaurant (restaurant_id, status, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
