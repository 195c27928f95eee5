package io.passerelle.sync;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Someone else's transaction, on a thread of its own, kept open between the steps a race test gives it: what a step
 * locked stays locked until {@link #commit} or {@link #rollback}, while the relay runs into it.
 */
final class RivalTransaction implements AutoCloseable {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

    private final LinkedBlockingQueue<Step> steps = new LinkedBlockingQueue<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final Future<?> transaction;

    RivalTransaction(PlatformTransactionManager transactionManager) {
        transaction = thread.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            while (true) {
                Step step = take();
                if (step.end != null) {
                    if (step.end == End.ROLLBACK) {
                        status.setRollbackOnly();
                    }
                    step.done.complete(null);
                    return;
                }
                try {
                    step.work.run();
                    step.done.complete(null);
                } catch (RuntimeException failed) {
                    step.done.completeExceptionally(failed);
                }
            }
        }));
    }

    /** Runs a step in the transaction and waits for it to end. */
    void run(Runnable work) {
        await(start(work));
    }

    /** Runs a step in the transaction and returns what it returned. */
    <T> T call(Supplier<T> work) {
        var result = new AtomicReference<T>();
        run(() -> result.set(work.get()));
        return result.get();
    }

    /** Starts a step (one that may wait on the relay's locks); the future ends with it. */
    CompletableFuture<Void> start(Runnable work) {
        var step = new Step(work, null);
        steps.add(step);
        return step.done;
    }

    void commit() {
        end(End.COMMIT);
    }

    void rollback() {
        end(End.ROLLBACK);
    }

    private void end(End end) {
        if (!transaction.isDone()) {
            steps.add(new Step(null, end));
        }
        await(transaction);
    }

    @Override
    public void close() {
        if (!transaction.isDone()) {
            rollback();
        }
        thread.shutdownNow();
    }

    private Step take() {
        try {
            return steps.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The rival transaction's step did not end within " + STEP_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private enum End { COMMIT, ROLLBACK }

    private record Step(Runnable work, End end, CompletableFuture<Void> done) {
        Step(Runnable work, End end) {
            this(work, end, new CompletableFuture<>());
        }
    }
}
