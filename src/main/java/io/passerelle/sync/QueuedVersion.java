package io.passerelle.sync;

/** The newest message of a reservation for a connection that still counts: which version, and where it stands. */
record QueuedVersion(long version, OutboxStatus status) {}
