package io.passerelle.shared.database;

import java.sql.SQLException;
import org.hibernate.TransactionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database out of reach for the moment: it refused nothing, so whoever asked may try the same again shortly (a
 * POS is answered 503 with Retry-After; a person is told so). Decided from the whole cause chain, by what failed, not
 * by the exception's family: no connection to be had (the pool's, a transaction's), or a connection lost (SQLSTATE
 * class 08, or a transaction that could not be ended on it). Spring's transient and resource-failure families are no guide with MariaDB's driver, which reports its
 * catch-all server errors (HY000, a trigger's SIGNAL) as transient connection exceptions: those are refusals.
 */
public final class DatabaseOutage {

    /** SQLSTATE class "connection exception" (SQL standard). */
    private static final String CONNECTION_EXCEPTION = "08";

    private DatabaseOutage() {}

    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLException sql && sql.getSQLState() != null
                            && sql.getSQLState().startsWith(CONNECTION_EXCEPTION)
                    // a transaction its connection could not end: the connection broke under it (the pool closes
                    // one that failed with SQLSTATE 08, and the rollback's failure then hides that first one)
                    || cause instanceof TransactionException && cause.getCause() instanceof SQLException) {
                return true;
            }
        }
        return false;
    }
}
