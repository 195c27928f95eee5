package io.passerelle.synclog;

import java.util.List;

/** One page of the log, newest first; {@code next} is null on the last page (found by fetching one line more). */
public record LogSlice(List<LogLine> lines, LogPosition next) {}
