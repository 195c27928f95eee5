package io.passerelle.tables;

/** A person linked, unlinked or undid a link of one of the connection's POS table names. */
record PosTableLinkChanged(long restaurantId, long connectionId, String posName) {}
