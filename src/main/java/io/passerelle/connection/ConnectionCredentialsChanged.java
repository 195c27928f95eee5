package io.passerelle.connection;

/**
 * Published in the transaction that changed what authenticates as a connection: its API key or token, its
 * enabled flag, or the connection itself, new. Listeners that remember accepted credentials, or a restaurant's
 * enabled connections, forget this connection's once the change is committed.
 */
public record ConnectionCredentialsChanged(long restaurantId, long connectionId) {}
