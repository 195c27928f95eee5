package io.passerelle.shared.database;

import java.util.function.IntSupplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A purge in bounded batches, each in a short transaction of its own, so that the rows' other writers never wait
 * long: the batch is run again until one deletes fewer rows than the bound.
 */
public final class BatchedDelete {

    private BatchedDelete() {}

    /**
     * @param deleteBatch deletes at most {@code batchSize} rows and says how many it did
     * @return how many rows went in all
     */
    public static long untilShort(TransactionTemplate transactions, int batchSize, IntSupplier deleteBatch) {
        long deleted = 0;
        int batch;
        do {
            batch = transactions.execute(status -> deleteBatch.getAsInt());
            deleted += batch;
        } while (batch == batchSize);
        return deleted;
    }
}
