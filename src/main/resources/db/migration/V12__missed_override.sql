-- A missed reservation (no-show, refused, cancelled) un-parked by staff, e.g. cancelled by mistake: who,
-- when, why and the status move. Explains why a reservation the POS was told was missed came back to it.
CREATE TABLE missed_override (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    restaurant_id  BIGINT       NOT NULL,
    reservation_id BIGINT       NOT NULL,
    actor          VARCHAR(254) NOT NULL,
    occurred_at    DATETIME(6)  NOT NULL,
    from_status    VARCHAR(16)  NOT NULL,
    to_status      VARCHAR(16)  NOT NULL,
    reason         VARCHAR(500) NOT NULL,
    CONSTRAINT fk_missed_override_restaurant FOREIGN KEY (restaurant_id) REFERENCES restaurant (id),
    CONSTRAINT fk_missed_override_reservation FOREIGN KEY (reservation_id) REFERENCES reservation (id),
    INDEX ix_missed_override_reservation (restaurant_id, reservation_id, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
