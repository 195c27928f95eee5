-- Drift compares tables by id, not by name: each order keeps the connection that reported it and the dining table
-- its POS table name stands for (a person's link, else the table of the very same name), kept up to date when a link
-- or a table's name changes. POS names compare byte for byte, as in pos_table_link.
ALTER TABLE pos_order
    MODIFY COLUMN table_name VARCHAR(60) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    ADD COLUMN connection_id   BIGINT NULL AFTER restaurant_id,
    ADD COLUMN dining_table_id BIGINT NULL AFTER table_name,
    ADD INDEX ix_pos_order_pos_table (restaurant_id, connection_id, table_name),
    -- a deleted table takes its links along (V10): the name stands for no table any more
    ADD CONSTRAINT fk_pos_order_dining_table FOREIGN KEY (dining_table_id) REFERENCES dining_table (id)
        ON DELETE SET NULL;

-- Orders reported before: by the restaurant's only till connection, when it has exactly one. Else the reporter is
-- unknown: such an order keeps the table resolved here, and later links do not move it.
UPDATE pos_order o
    JOIN (SELECT restaurant_id, MIN(id) AS id FROM partner_connection WHERE category = 'TILL_POS'
          GROUP BY restaurant_id HAVING COUNT(*) = 1) c ON c.restaurant_id = o.restaurant_id
SET o.connection_id = c.id;

UPDATE pos_order o
    LEFT JOIN pos_table_link l ON l.connection_id = o.connection_id AND l.pos_name = o.table_name
    LEFT JOIN dining_table t ON t.restaurant_id = o.restaurant_id AND t.name COLLATE utf8mb4_bin = o.table_name
SET o.dining_table_id = IF(l.connection_id IS NOT NULL, l.dining_table_id, t.id)
WHERE o.table_name IS NOT NULL;

-- The onboarding checklist's "pay-at-table server and installation ID answer": the last check, forgotten when the
-- server or the installation ID changes.
ALTER TABLE partner_connection
    ADD COLUMN pay_at_table_check_outcome VARCHAR(32) NULL,
    ADD COLUMN pay_at_table_checked_at    DATETIME(6) NULL;
