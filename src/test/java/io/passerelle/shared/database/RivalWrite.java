package io.passerelle.shared.database;

import static io.passerelle.sync.SimulatedPos.await;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forces a race to a unique key: a rival transaction writes the duplicate and keeps it uncommitted, so the service's
 * check for duplicates finds nothing; the service's write then waits on the rival's row, and the rival commits.
 */
public final class RivalWrite {

    private static final Duration LOCK_WAIT = Duration.ofSeconds(20);
    /** JDBC's calls that write (an update flushed at commit goes in a batch), not those that read. */
    private static final Set<String> WRITES = Set.of("executeUpdate", "executeLargeUpdate", "executeBatch",
            "executeLargeBatch");

    private final PlatformTransactionManager transactionManager;
    private final JdbcTemplate jdbc;

    public RivalWrite(PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
    }

    /**
     * Runs the write (on this thread) through the service while the rival holds the duplicate.
     *
     * @return what the write threw; null when it threw nothing (a screen that showed the refusal itself)
     */
    public Throwable race(Class<?> service, Runnable write, String rivalInsert, Object... rivalArguments)
            throws InterruptedException, ExecutionException {
        Thread writer = Thread.currentThread();
        var inserted = new CountDownLatch(1);
        try (ExecutorService rivals = Executors.newSingleThreadExecutor()) {
            Future<?> rival = rivals.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
                jdbc.update(rivalInsert, rivalArguments);
                inserted.countDown();
                await("the write to wait on the rival's row", LOCK_WAIT, () -> writingThrough(writer, service),
                        writing -> writing);
            }));
            inserted.await();
            Throwable thrown = catchThrowable(write::run);
            rival.get();
            return thrown;
        }
    }

    /**
     * Whether the writer is inside the service (or its proxy, committing) and waiting for the database to answer a
     * write: the rival's uncommitted row holds it there. InnoDB's lock waits are not always listed while that lasts.
     */
    private static boolean writingThrough(Thread writer, Class<?> service) {
        List<StackTraceElement> frames = List.of(writer.getStackTrace());
        return frames.stream().anyMatch(frame -> WRITES.contains(frame.getMethodName()))
                && frames.stream().anyMatch(frame -> frame.getClassName().startsWith(service.getName()));
    }
}
