-- Staff un-parking a missed reservation clears its "delivered missed" mark for every connection
-- (OutboxStore.forgetMissedDelivered: WHERE reservation_id = ?). The primary key starts with connection_id, so
-- without this index the update read, and locked in passing, every delivery state of every restaurant.
CREATE INDEX ix_push_delivery_state_reservation ON push_delivery_state (reservation_id)
    ALGORITHM = INPLACE LOCK = NONE;
