package io.passerelle.connection;

/**
 * Published in the transaction that changed what authenticates as a connection: its API key or token, its
 * enabled flag. Listeners that remember accepted credentials forget this connection's once the change is committed.
 */
public record ConnectionCredentialsChanged(long connectionId) {}
