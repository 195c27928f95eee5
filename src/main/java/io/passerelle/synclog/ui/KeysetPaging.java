package io.passerelle.synclog.ui;

import io.passerelle.synclog.LogFilter;
import io.passerelle.synclog.LogLine;
import io.passerelle.synclog.LogPosition;
import io.passerelle.synclog.LogSlice;
import io.passerelle.synclog.SyncLogService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Turns the grid's offset requests into keyset reads. The grid asks for rows by offset; the log is read only by
 * position (never by skipping rows), so the position where each fetched range ended is remembered per offset,
 * and the next range starts from there. Jumping ahead reads forward from the nearest known position. No count:
 * the grid's size stays undefined and grows as a page comes back full.
 */
final class KeysetPaging {

    private final SyncLogService syncLog;
    private final Supplier<LogFilter> filter;
    /** offset -> position of the row just before it (offset 0 starts from the newest line). */
    private final TreeMap<Integer, LogPosition> starts = new TreeMap<>();

    KeysetPaging(SyncLogService syncLog, Supplier<LogFilter> filter) {
        this.syncLog = syncLog;
        this.filter = filter;
    }

    /** The filter changed: positions remembered so far mean nothing any more. */
    void reset() {
        starts.clear();
    }

    Stream<LogLine> fetch(int offset, int limit) {
        Map.Entry<Integer, LogPosition> start = starts.floorEntry(offset);
        int at = start == null ? 0 : start.getKey();
        LogPosition after = start == null ? null : start.getValue();
        LogFilter current = filter.get();
        var rows = new ArrayList<LogLine>();
        int wanted = offset - at + limit;
        while (rows.size() < wanted) {
            LogSlice slice = syncLog.search(current, after, wanted - rows.size());
            rows.addAll(slice.lines());
            if (slice.lines().isEmpty()) {
                break;
            }
            after = slice.lines().getLast().position();
            starts.put(at + rows.size(), after);
            if (slice.next() == null) {
                break;
            }
        }
        List<LogLine> page = rows.subList(Math.min(offset - at, rows.size()), rows.size());
        return page.stream();
    }
}
