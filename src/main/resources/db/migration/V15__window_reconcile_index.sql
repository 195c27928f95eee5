-- A sync window asks, for a page of connections at once, which reservations of their window a POS lacks
-- (OutboxStore.unacknowledged): a range on (restaurant_id, start_at) joined to push_delivery_state by its primary
-- key, comparing versions. With the version in the index the reservation rows themselves are not read, so a quiet
-- restaurant costs an index range. The new index starts with the old one, which it replaces.
CREATE INDEX ix_reservation_restaurant_start_version ON reservation (restaurant_id, start_at, version);
DROP INDEX ix_reservation_restaurant_start ON reservation;
