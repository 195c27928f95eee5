-- A missed reservation served in a pull page counts as served once the POS passes that page's nextCursor back;
-- until then (the reply may have been lost) it is served again. The column holds the SHA-256 of that cursor;
-- null: acknowledged, never served again (so are the rows written before this column).
ALTER TABLE pull_missed_served
    ADD COLUMN unacknowledged_cursor BINARY(32) NULL,
    ADD INDEX ix_pull_missed_unacknowledged (connection_id, unacknowledged_cursor);
