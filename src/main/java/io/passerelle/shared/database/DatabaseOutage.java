package io.passerelle.shared.database;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database out of reach, or too slow to answer, for the moment: it refused nothing, so whoever asked may try the
 * same again shortly (a POS is answered 503 with Retry-After; a person is told so). Lock conflicts are not outages:
 * they have paths of their own.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {}

    public static boolean is(Throwable failure) {
        return failure instanceof DataAccessResourceFailureException
                || failure instanceof RecoverableDataAccessException
                || failure instanceof CannotCreateTransactionException
                || failure instanceof TransientDataAccessException && !(failure instanceof ConcurrencyFailureException);
    }
}
