-- A restaurant's connections to partners (the POS), and the audit trail of every change to them.
-- Secrets are never stored in clear: tokens and signing secrets as AES-GCM ciphertext, API keys as SHA-256.
CREATE TABLE partner_connection (
    id                        BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    restaurant_id             BIGINT        NOT NULL,
    partner_code              VARCHAR(40)   NOT NULL,
    category                  VARCHAR(32)   NOT NULL,
    style                     VARCHAR(8)    NOT NULL,
    enabled                   BOOLEAN       NOT NULL,
    webhook_url               VARCHAR(2000) NULL,
    token_ciphertext          VARCHAR(2800) NULL,
    signing_secret_ciphertext VARCHAR(255)  NULL,
    api_key_hash              CHAR(64)      NULL,
    -- the first characters of the API key, safe to show to tell keys apart
    api_key_hint              VARCHAR(16)   NULL,
    pay_at_table_server       VARCHAR(2000) NULL,
    installation_id           VARCHAR(100)  NULL,
    -- comma-separated wire names of the events the POS sends (PROTOCOL.md)
    events                    VARCHAR(255)  NOT NULL,
    last_seen_at              DATETIME(6)   NULL,
    last_seen_pos_version     VARCHAR(32)   NULL,
    last_test_at              DATETIME(6)   NULL,
    last_test_outcome         VARCHAR(32)   NULL,
    last_test_pos_version     VARCHAR(32)   NULL,
    created_at                DATETIME(6)   NOT NULL,
    updated_at                DATETIME(6)   NOT NULL,
    version                   BIGINT        NOT NULL DEFAULT 0,
    -- One ACTIVE connection per category per restaurant: NULL for disabled rows, and UNIQUE ignores NULLs.
    active_category           VARCHAR(32) AS (IF(enabled, category, NULL)) VIRTUAL,
    CONSTRAINT uk_partner_connection_active_category UNIQUE (restaurant_id, active_category),
    CONSTRAINT uk_partner_connection_partner UNIQUE (restaurant_id, partner_code),
    CONSTRAINT fk_partner_connection_restaurant FOREIGN KEY (restaurant_id) REFERENCES restaurant (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who did what to a connection, and when. Never a secret, never a URL: field names, outcomes, key hints.
CREATE TABLE connection_audit (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    connection_id BIGINT        NOT NULL,
    restaurant_id BIGINT        NOT NULL,
    actor         VARCHAR(254)  NOT NULL,
    occurred_at   DATETIME(6)   NOT NULL,
    action        VARCHAR(32)   NOT NULL,
    details       VARCHAR(1000) NULL,
    CONSTRAINT fk_connection_audit_connection FOREIGN KEY (connection_id) REFERENCES partner_connection (id),
    CONSTRAINT fk_connection_audit_restaurant FOREIGN KEY (restaurant_id) REFERENCES restaurant (id),
    INDEX ix_connection_audit_restaurant_time (restaurant_id, occurred_at),
    INDEX ix_connection_audit_connection_time (connection_id, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
