-- What the POS reports: its orders (bills) with their items, the table names it uses, and every event it sent
-- (for idempotency by eventId). Plus what the pull feed already served once.

-- The POS's own table and room names, kept as text when they match no dining table (reconciliation later).
ALTER TABLE reservation
    ADD COLUMN pos_table_name VARCHAR(60) NULL,
    ADD COLUMN pos_room_name  VARCHAR(60) NULL;

CREATE TABLE pos_order (
    id             BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    restaurant_id  BIGINT         NOT NULL,
    -- the POS's order id: one row per order, whatever the number of events about it
    external_id    VARCHAR(100)   NOT NULL,
    reservation_id BIGINT         NULL,
    table_name     VARCHAR(60)    NULL,
    covers         INT            NULL,
    total_amount   DECIMAL(12, 2) NULL,
    currency       CHAR(3)        NULL,
    payment_id     VARCHAR(100)   NULL,
    opened_at      DATETIME(6)    NOT NULL,
    closed_at      DATETIME(6)    NULL,
    created_at     DATETIME(6)    NOT NULL,
    version        BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT uk_pos_order_external UNIQUE (restaurant_id, external_id),
    CONSTRAINT fk_pos_order_restaurant FOREIGN KEY (restaurant_id) REFERENCES restaurant (id),
    CONSTRAINT fk_pos_order_reservation FOREIGN KEY (reservation_id) REFERENCES reservation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE pos_order_item (
    order_id   BIGINT         NOT NULL,
    position   INT            NOT NULL,
    name       VARCHAR(200)   NOT NULL,
    quantity   INT            NOT NULL,
    unit_price DECIMAL(12, 2) NOT NULL,
    PRIMARY KEY (order_id, position),
    CONSTRAINT fk_pos_order_item_order FOREIGN KEY (order_id) REFERENCES pos_order (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every event a connection sent, with the answer it got: the same eventId again gets the same answer.
-- Inserted in the transaction of the event's effects, so an event is applied exactly when its row exists.
CREATE TABLE pos_event (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    connection_id BIGINT        NOT NULL,
    event_id      VARCHAR(100)  NOT NULL,
    type          VARCHAR(40)   NOT NULL,
    received_at   DATETIME(6)   NOT NULL,
    http_status   INT           NOT NULL,
    result        VARCHAR(4000) NOT NULL,
    CONSTRAINT uk_pos_event UNIQUE (connection_id, event_id),
    CONSTRAINT fk_pos_event_connection FOREIGN KEY (connection_id) REFERENCES partner_connection (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Missed reservations are served to a pull connection once, then never again (DOMAIN rule 5).
CREATE TABLE pull_missed_served (
    connection_id  BIGINT      NOT NULL,
    reservation_id BIGINT      NOT NULL,
    served_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (connection_id, reservation_id),
    CONSTRAINT fk_pull_missed_connection FOREIGN KEY (connection_id) REFERENCES partner_connection (id),
    CONSTRAINT fk_pull_missed_reservation FOREIGN KEY (reservation_id) REFERENCES reservation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The table names the POS uses (PUT /tables), to feed the table-name mapping.
CREATE TABLE pos_table_name (
    connection_id BIGINT      NOT NULL,
    position      INT         NOT NULL,
    name          VARCHAR(60) NOT NULL,
    PRIMARY KEY (connection_id, position),
    CONSTRAINT fk_pos_table_name_connection FOREIGN KEY (connection_id) REFERENCES partner_connection (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
