package io.passerelle.synclog;

/**
 * What a CSV export of the log wrote: {@code lines} lines, newest first, and how the file ends. A file that ends
 * before the filter's oldest line still holds whole lines only; the screen says why it is shorter.
 */
public record LogExport(int lines, End end) {

    public enum End {
        /** Every line the filter matches. */
        COMPLETE,
        /** The newest {@link SyncLogService#EXPORT_MAX_LINES} lines; older ones match too. */
        LINE_LIMIT,
        /** A word search read too much of the log before the next page was full; older lines may match too. */
        SEARCH_TOO_BROAD
    }
}
