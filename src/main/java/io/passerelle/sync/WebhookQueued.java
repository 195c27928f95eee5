package io.passerelle.sync;

/** A reservation change was queued for a push POS: the relay should run once the transaction commits. */
record WebhookQueued(long connectionId) {}
