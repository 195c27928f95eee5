package io.passerelle.sync;

/** A call to a pay-at-table server was queued: the relay should run once the transaction commits. */
record PayAtTableCallQueued(long connectionId) {}
