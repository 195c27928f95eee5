-- A served missed reservation is acknowledged by a cursor that covers it where it is now in change order (joined
-- from reservation), not where it was first served: edited since, it moved on, and a cursor between its two places
-- acknowledged it though no page had served it at its new place. The copies of its first place go.
ALTER TABLE pull_missed_served
    DROP COLUMN served_start,
    DROP COLUMN served_updated_at;
