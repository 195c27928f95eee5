-- A missed reservation served in a pull page counts as served once the POS passes back any cursor of the connection
-- that covers it: one whose window holds its start and whose position is past its place in change order. A POS may
-- run several cursor streams on one connection (a short window often, a long one twice a day); each that was served
-- it may acknowledge it, where one page's cursor hash per reservation let only the last stream served do so.
-- Rows keep the reservation as first served (start, updatedAt); the reservation's id completes its position.
ALTER TABLE pull_missed_served
    ADD COLUMN acknowledged      BOOLEAN     NULL,
    ADD COLUMN served_start      DATETIME(6) NULL,
    ADD COLUMN served_updated_at DATETIME(6) NULL;

-- The reservation's current start and updatedAt: those it was served with, unless edited since; then a cursor
-- covers it only later (served again at worst, never lost).
UPDATE pull_missed_served s JOIN reservation r ON r.id = s.reservation_id
SET s.acknowledged      = s.unacknowledged_cursor IS NULL,
    s.served_start      = r.start_at,
    s.served_updated_at = r.updated_at;

ALTER TABLE pull_missed_served
    DROP INDEX ix_pull_missed_unacknowledged,
    DROP COLUMN unacknowledged_cursor,
    MODIFY acknowledged      BOOLEAN     NOT NULL,
    MODIFY served_start      DATETIME(6) NOT NULL,
    MODIFY served_updated_at DATETIME(6) NOT NULL,
    ADD INDEX ix_pull_missed_pending (connection_id, acknowledged);
