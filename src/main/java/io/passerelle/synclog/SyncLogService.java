package io.passerelle.synclog;

import io.passerelle.restaurant.RestaurantAccess;
import io.passerelle.restaurant.RestaurantScope;
import io.passerelle.shared.NotFoundException;
import io.passerelle.shared.RuleViolationException;
import io.passerelle.shared.database.BatchedDelete;
import jakarta.validation.Valid;
import java.io.OutputStream;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sync log's door. Machines write lines ({@link #record}); people read the lines of the restaurants they
 * may see, newest first by keyset (never a count over the log), export them, and send failed deliveries again.
 */
@Service
@Validated
public class SyncLogService {

    private static final Logger log = LoggerFactory.getLogger(SyncLogService.class);
    private static final int MAX_PAGE = 500;
    /** An export reads the log in pages of this many lines. */
    private static final int EXPORT_PAGE = 1_000;
    /** The most lines one CSV export holds: newest first, the rest is left out. */
    public static final int EXPORT_MAX_LINES = 100_000;
    /** The most lines of one reservation's trace export: oldest first. */
    public static final int TRACE_MAX_LINES = 5_000;
    /** The most failed deliveries sent again by one "replay the period". */
    public static final int REPLAY_MAX = 1_000;
    private static final String STAFF = "hasAnyRole('RESELLER_SUPPORT', 'ONBOARDING', 'ADMIN')";

    private final SyncLogRepository entries;
    private final SyncLogInserts inserts;
    private final SyncLogQueries queries;
    private final RestaurantAccess access;
    private final SyncLogSettings settings;
    private final ObjectProvider<FailedDeliveryReplay> replay;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final JsonMapper json = JsonMapper.builder().build();

    // the replay is looked up when used: its implementation (the sync engine) itself writes to this log
    SyncLogService(SyncLogRepository entries, SyncLogInserts inserts, SyncLogQueries queries, RestaurantAccess access,
            SyncLogSettings settings, ObjectProvider<FailedDeliveryReplay> replay, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.entries = entries;
        this.inserts = inserts;
        this.queries = queries;
        this.access = access;
        this.settings = settings;
        this.replay = replay;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Writes a line in its own transaction: a rejected event rolls its own work back, but the record
     * that it was rejected must stay. Called by machine code (partner API, sync engine): no user check.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long record(LogRecord record) {
        return entries.save(new SyncLogEntry(record, clock.instant())).getId();
    }

    /**
     * Writes lines in the caller's transaction (or one of their own), as one JDBC batch: a batch of deliveries or
     * events and its lines commit together, in one round trip. Machine code only, like {@link #record}.
     */
    @Transactional
    public void recordAll(Collection<LogRecord> records) {
        Instant now = clock.instant();
        inserts.insert(records.stream().map(record -> new SyncLogEntry(record, now)).toList());
    }

    /** Newest first, keyset-paged: pass the smallest id of the previous page, or null for the first. */
    @Transactional(readOnly = true)
    public List<SyncLogEntry> latest(long restaurantId, Long beforeId, int limit) {
        access.check(restaurantId);
        return entries.findByRestaurantIdAndIdLessThanOrderByIdDesc(restaurantId,
                beforeId == null ? Long.MAX_VALUE : beforeId, Limit.of(Math.min(limit, MAX_PAGE)));
    }

    /**
     * The lines matching the filter, newest first, after {@code after} (null: from the newest): one restaurant
     * when the filter names it, else every restaurant the person may see. A pasted message or event id is looked
     * up in the whole log by its index; a word search that reads too much of the log before filling the page is
     * stopped ({@link SearchTooBroadException}).
     */
    @Transactional(readOnly = true)
    public LogSlice search(@Valid LogFilter filter, LogPosition after, int limit) {
        RestaurantScope scope;
        if (filter.restaurantId() != null) {
            access.check(filter.restaurantId());
            // checked: the query reads that restaurant only, no need to read everything the person may see
            scope = RestaurantScope.only(Set.of(filter.restaurantId()));
        } else {
            scope = access.scope();
        }
        int size = Math.clamp(limit, 1, MAX_PAGE);
        List<LogLine> lines;
        try {
            lines = queries.page(filter, scope, after, size + 1);
        } catch (QueryTimeoutException tooBroad) {
            throw new SearchTooBroadException();
        }
        if (lines.size() <= size) {
            return new LogSlice(lines, null);
        }
        List<LogLine> page = lines.subList(0, size);
        return new LogSlice(List.copyOf(page), page.getLast().position());
    }

    /** One line with its request and response, readable. */
    @Transactional(readOnly = true)
    public LogDetail detail(long restaurantId, long entryId) {
        SyncLogEntry entry = entry(restaurantId, entryId);
        return new LogDetail(entry.toLine(), LogBodies.readable(json, entry.getPayload()),
                LogBodies.readable(json, entry.getResponse()));
    }

    /** Every line about one reservation, oldest first: its whole trace. */
    @Transactional(readOnly = true)
    public List<SyncLogEntry> trace(long restaurantId, long reservationId) {
        access.check(restaurantId);
        return entries.findByRestaurantIdAndReservationIdOrderByIdAsc(restaurantId, reservationId);
    }

    /**
     * Writes the filtered lines as CSV, newest first, at most {@link #EXPORT_MAX_LINES}; says how many and how the
     * file ends. Reads page by page, each in its own short query, so a slow download holds no transaction open. A
     * word search stopped as too broad on a later page ends the file after the last whole page: the browser has the
     * start of the file by then, and a download cut by an error would leave the person nothing.
     */
    public LogExport exportCsv(@Valid LogFilter filter, Writer out) {
        var csv = new LogCsv(out);
        csv.header();
        int written = 0;
        LogPosition after = null;
        do {
            LogSlice slice;
            try {
                slice = search(filter, after, Math.min(EXPORT_PAGE, EXPORT_MAX_LINES - written));
            } catch (SearchTooBroadException tooBroad) {
                return new LogExport(written, LogExport.End.SEARCH_TOO_BROAD);
            }
            slice.lines().forEach(csv::line);
            written += slice.lines().size();
            after = slice.next();
        } while (after != null && written < EXPORT_MAX_LINES);
        return new LogExport(written, after == null ? LogExport.End.COMPLETE : LogExport.End.LINE_LIMIT);
    }

    /**
     * One reservation's whole trace (every line in and out, with bodies, secrets removed) as a JSON file to
     * attach to a support ticket; at most {@link #TRACE_MAX_LINES} lines, oldest first. Returns how many.
     */
    @PreAuthorize(STAFF)
    public int exportTrace(long restaurantId, long reservationId, OutputStream out) {
        access.check(restaurantId);
        int written = 0;
        try (var trace = new TraceExport(json, out, restaurantId, reservationId, clock.instant())) {
            long afterId = 0;
            List<SyncLogEntry> page;
            do {
                page = entries.findByRestaurantIdAndReservationIdAndIdGreaterThanOrderByIdAsc(restaurantId,
                        reservationId, afterId, Limit.of(Math.min(EXPORT_PAGE, TRACE_MAX_LINES - written)));
                for (SyncLogEntry entry : page) {
                    trace.line(entry, json);
                    afterId = entry.getId();
                }
                written += page.size();
            } while (!page.isEmpty() && written < TRACE_MAX_LINES);
        }
        return written;
    }

    /** Sends the failed delivery of this line again (same message id: the POS ignores a copy it already has). */
    public void replay(long restaurantId, long entryId) {
        SyncLogEntry entry = transaction.execute(status -> entry(restaurantId, entryId));
        if (!entry.isReplayable()) {
            throw new RuleViolationException(null, "synclog.replay.not-replayable",
                    "Only a delivery that failed for good can be sent again");
        }
        if (replayer().replay(restaurantId, List.of(entry.getMessageId())) == 0) {
            throw new RuleViolationException(null, "synclog.replay.not-failed-any-more",
                    "This delivery was sent again or delivered since");
        }
    }

    /** Sends again every delivery of the restaurant that failed for good in the period; returns how many. */
    public int replayFailures(long restaurantId, Instant from, Instant to) {
        access.check(restaurantId);
        if (from == null || to == null || !from.isBefore(to)) {
            throw new RuleViolationException(null, "synclog.replay.period-required",
                    "Choose a period (from and to) to send its failures again");
        }
        List<String> failed = transaction.execute(status -> queries.failedDeliveries(restaurantId, from, to, REPLAY_MAX));
        return failed.isEmpty() ? 0 : replayer().replay(restaurantId, failed);
    }

    /** Deletes lines older than the retention, in bounded batches; returns how many went. */
    public long purgeExpired() {
        Instant before = clock.instant().minus(settings.retention());
        long purged = BatchedDelete.untilShort(transaction, settings.purgeBatchSize(),
                () -> entries.deleteBatchOlderThan(before, settings.purgeBatchSize()));
        if (purged > 0) {
            log.info("Purged {} sync log lines older than {}", purged, before);
        }
        return purged;
    }

    private SyncLogEntry entry(long restaurantId, long entryId) {
        access.check(restaurantId);
        return entries.findByIdAndRestaurantId(entryId, restaurantId)
                .orElseThrow(() -> NotFoundException.forId("Log line", entryId));
    }

    private FailedDeliveryReplay replayer() {
        return replay.getObject();
    }
}
