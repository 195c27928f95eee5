-- A pasted message or event id is searched in the whole log by exact match (SyncLogQueries, decision 0004),
-- not by LIKE '%…%' over the period's lines. message_id first: an id has a handful of lines (its attempts);
-- restaurant_id next, so that the tenant wall (restaurant_id = ? or IN (...)) is checked in the index;
-- occurred_at last (InnoDB appends id), so that one restaurant's lines come in the page's order without a sort.
-- InnoDB builds it online (in place, no table lock) on a table of millions of lines.
CREATE INDEX ix_sync_log_message_id ON sync_log_entry (message_id, restaurant_id, occurred_at)
    ALGORITHM = INPLACE LOCK = NONE;
