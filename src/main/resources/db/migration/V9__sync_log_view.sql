-- The sync log view pages newest first by keyset on (occurred_at, id); the period filter is a range on
-- occurred_at. InnoDB appends the primary key (id) to every secondary index, so (restaurant_id, occurred_at)
-- of V5 already serves the unfiltered view. These serve the filters that can match many rows:
--   the failures of one restaurant in a period (the outcome filter, "replay every failure in a period");
--   the failures across restaurants, the first thing onboarding opens.
CREATE INDEX ix_sync_log_restaurant_outcome_time ON sync_log_entry (restaurant_id, outcome, occurred_at);
CREATE INDEX ix_sync_log_outcome_time ON sync_log_entry (outcome, occurred_at);
