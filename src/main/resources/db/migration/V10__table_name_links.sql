-- Table-name reconciliation: which dining table a POS means by each of its table names, per connection.
-- POS names compare byte for byte (utf8mb4_bin): "T12" and "t12" are two names a person may link differently.

-- A person's decision about a POS name. No row: the name links to the dining table of the very same name, if any.
CREATE TABLE pos_table_link (
    connection_id   BIGINT      NOT NULL,
    pos_name        VARCHAR(60) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    restaurant_id   BIGINT      NOT NULL,
    -- null: unlinked on purpose, even from a dining table of the same name
    dining_table_id BIGINT      NULL,
    updated_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (connection_id, pos_name),
    INDEX ix_pos_table_link_restaurant (restaurant_id),
    CONSTRAINT fk_pos_table_link_connection FOREIGN KEY (connection_id) REFERENCES partner_connection (id)
        ON DELETE CASCADE,
    CONSTRAINT fk_pos_table_link_restaurant FOREIGN KEY (restaurant_id) REFERENCES restaurant (id),
    -- a deleted table takes its links along: the name is unmatched again
    CONSTRAINT fk_pos_table_link_table FOREIGN KEY (dining_table_id) REFERENCES dining_table (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Table names events used that linked to no dining table: accepted, and listed for reconciliation.
CREATE TABLE pos_table_sighting (
    connection_id BIGINT      NOT NULL,
    pos_name      VARCHAR(60) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    restaurant_id BIGINT      NOT NULL,
    events        INT         NOT NULL,
    first_seen_at DATETIME(6) NOT NULL,
    last_seen_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (connection_id, pos_name),
    INDEX ix_pos_table_sighting_restaurant (restaurant_id),
    CONSTRAINT fk_pos_table_sighting_connection FOREIGN KEY (connection_id) REFERENCES partner_connection (id)
        ON DELETE CASCADE,
    CONSTRAINT fk_pos_table_sighting_restaurant FOREIGN KEY (restaurant_id) REFERENCES restaurant (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
