-- The sync engine. outbox_message: every message a push-style POS must receive, written in the same
-- transaction as the reservation change, delivered by the relay (claimed with a lease, so a node that dies
-- mid-delivery loses nothing). webhook_id is the Standard Webhooks message id: the same on every retry.
CREATE TABLE outbox_message (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    restaurant_id       BIGINT       NOT NULL,
    connection_id       BIGINT       NOT NULL,
    reservation_id      BIGINT       NOT NULL,
    reservation_version BIGINT       NOT NULL,
    type                VARCHAR(40)  NOT NULL,
    webhook_id          VARCHAR(80)  NOT NULL,
    payload             MEDIUMTEXT   NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    attempts            INT          NOT NULL DEFAULT 0,
    next_attempt_at     DATETIME(6)  NOT NULL,
    retry_started_at    DATETIME(6)  NULL,
    last_http_status    INT          NULL,
    last_error_code     VARCHAR(40)  NULL,
    claimed_by          VARCHAR(100) NULL,
    claimed_until       DATETIME(6)  NULL,
    created_at          DATETIME(6)  NOT NULL,
    delivered_at        DATETIME(6)  NULL,
    CONSTRAINT uq_outbox_webhook_id UNIQUE (webhook_id),
    CONSTRAINT fk_outbox_restaurant FOREIGN KEY (restaurant_id) REFERENCES restaurant (id),
    CONSTRAINT fk_outbox_connection FOREIGN KEY (connection_id) REFERENCES partner_connection (id) ON DELETE CASCADE,
    INDEX ix_outbox_due (status, next_attempt_at),
    INDEX ix_outbox_connection_reservation (connection_id, reservation_id, status),
    INDEX ix_outbox_restaurant_status (restaurant_id, status, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What each POS has acknowledged: the basis of reconciliation (a window sends only what is not here).
CREATE TABLE push_delivery_state (
    connection_id       BIGINT      NOT NULL,
    reservation_id      BIGINT      NOT NULL,
    acked_version       BIGINT      NOT NULL,
    missed_delivered_at DATETIME(6) NULL,
    PRIMARY KEY (connection_id, reservation_id),
    CONSTRAINT fk_push_state_connection FOREIGN KEY (connection_id) REFERENCES partner_connection (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per connection being reconciled: a node holds it (holder, until) while it runs a window, so no
-- connection is synced by two nodes at once; an expired lease (node died) is taken over.
CREATE TABLE sync_lease (
    connection_id BIGINT       NOT NULL PRIMARY KEY,
    holder        VARCHAR(100) NULL,
    held_until    DATETIME(6)  NULL,
    CONSTRAINT fk_sync_lease_connection FOREIGN KEY (connection_id) REFERENCES partner_connection (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
