-- The platform's reservation book: guests, rooms and tables, reservations. Every row carries its restaurant.
CREATE TABLE guest (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    restaurant_id BIGINT        NOT NULL,
    first_name    VARCHAR(80)   NOT NULL,
    last_name     VARCHAR(80)   NOT NULL,
    mobile        VARCHAR(16)   NULL,
    email         VARCHAR(254)  NULL,
    visits        INT           NOT NULL DEFAULT 0,
    covers        INT           NOT NULL DEFAULT 0,
    total_spent   DECIMAL(12, 2) NOT NULL DEFAULT 0,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_guest_restaurant FOREIGN KEY (restaurant_id) REFERENCES restaurant (id),
    INDEX ix_guest_restaurant_name (restaurant_id, last_name, first_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE room (
    id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    restaurant_id BIGINT      NOT NULL,
    name          VARCHAR(60) NOT NULL,
    version       BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT uk_room_name UNIQUE (restaurant_id, name),
    CONSTRAINT fk_room_restaurant FOREIGN KEY (restaurant_id) REFERENCES restaurant (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE dining_table (
    id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    restaurant_id BIGINT      NOT NULL,
    room_id       BIGINT      NULL,
    name          VARCHAR(60) NOT NULL,
    seats         INT         NOT NULL,
    version       BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT uk_dining_table_name UNIQUE (restaurant_id, name),
    CONSTRAINT fk_dining_table_restaurant FOREIGN KEY (restaurant_id) REFERENCES restaurant (id),
    CONSTRAINT fk_dining_table_room FOREIGN KEY (room_id) REFERENCES room (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE reservation (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    restaurant_id BIGINT        NOT NULL,
    guest_id      BIGINT        NULL,
    start_at      DATETIME(6)   NOT NULL,
    party_size    INT           NOT NULL,
    notes         VARCHAR(1000) NULL,
    status        VARCHAR(16)   NOT NULL,
    source        VARCHAR(16)   NOT NULL,
    table_id      BIGINT        NULL,
    created_at    DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    -- increases on every change: the version a POS acknowledges
    version       BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_reservation_restaurant FOREIGN KEY (restaurant_id) REFERENCES restaurant (id),
    CONSTRAINT fk_reservation_guest FOREIGN KEY (guest_id) REFERENCES guest (id),
    CONSTRAINT fk_reservation_table FOREIGN KEY (table_id) REFERENCES dining_table (id),
    INDEX ix_reservation_restaurant_start (restaurant_id, start_at),
    INDEX ix_reservation_restaurant_updated (restaurant_id, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
