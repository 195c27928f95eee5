package io.passerelle.partnerapi;

import java.time.Duration;
import java.util.List;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database out of reach, or too slow to answer, for the moment: it refused nothing, so a POS is told to send the
 * same request again shortly (503 with Retry-After), never that its credentials or its event are wrong. Lock
 * conflicts are not outages: the events' own retries and their 503 "busy" answer those.
 */
final class DatabaseOutage {

    /** How soon a POS may try again: a restarting server or a failing-over pool is back within seconds. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private DatabaseOutage() {}

    static boolean is(Throwable failure) {
        return failure instanceof DataAccessResourceFailureException
                || failure instanceof RecoverableDataAccessException
                || failure instanceof CannotCreateTransactionException
                || failure instanceof TransientDataAccessException && !(failure instanceof ConcurrencyFailureException);
    }

    static Problem problem() {
        return new Problem(503, "unavailable", "Temporarily unavailable",
                "Passerelle cannot reach its database for the moment; send the same request again shortly (an event"
                        + " with the same eventId: it is applied once)", List.of(), RETRY_AFTER);
    }
}
