package io.passerelle.tables;

/** Where a POS table name stands. */
public enum LinkState {
    /** A dining table has the very same name, and nobody decided otherwise. */
    EXACT,
    /** A person linked it to a dining table. */
    LINKED,
    /** It stands for no dining table: events naming it keep the name as text. */
    UNMATCHED
}
