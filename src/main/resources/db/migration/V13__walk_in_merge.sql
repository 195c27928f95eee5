-- A walk-in staff merged into the booking it duplicated stays in the book, marked, its orders moved to the booking;
-- every merge is audited. One merge per walk-in: merging it again changes nothing.
ALTER TABLE reservation
    ADD COLUMN merged_into_id BIGINT NULL,
    ADD CONSTRAINT fk_reservation_merged_into FOREIGN KEY (merged_into_id) REFERENCES reservation (id);

CREATE TABLE walk_in_merge (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    restaurant_id  BIGINT       NOT NULL,
    walk_in_id     BIGINT       NOT NULL,
    reservation_id BIGINT       NOT NULL,
    actor          VARCHAR(254) NOT NULL,
    merged_at      DATETIME(6)  NOT NULL,
    orders_moved   INT          NOT NULL,
    visits_counted INT          NOT NULL,
    CONSTRAINT uk_walk_in_merge UNIQUE (walk_in_id),
    CONSTRAINT fk_walk_in_merge_restaurant FOREIGN KEY (restaurant_id) REFERENCES restaurant (id),
    CONSTRAINT fk_walk_in_merge_walk_in FOREIGN KEY (walk_in_id) REFERENCES reservation (id),
    CONSTRAINT fk_walk_in_merge_reservation FOREIGN KEY (reservation_id) REFERENCES reservation (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
