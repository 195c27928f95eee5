package io.passerelle.synclog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * Log lines as CSV (RFC 4180: comma-separated, CRLF line ends, a field with a comma, quote or line break
 * quoted, quotes doubled). Text that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return
 * first) is prefixed with an apostrophe: a POS controls message ids and error texts. The header names are
 * stable identifiers, the same in every language, for the tools support feeds the file to.
 */
final class LogCsv {

    static final List<String> HEADER = List.of("occurred_at", "restaurant_id", "kind", "direction", "partner",
            "message_type", "message_id", "reservation_id", "outcome", "http_status", "attempt", "latency_ms",
            "error_code", "error_detail");

    private final Writer out;

    LogCsv(Writer out) {
        this.out = out;
    }

    void header() {
        row(HEADER.stream().map(LogCsv::field).toList());
    }

    void line(LogLine line) {
        row(List.of(line.occurredAt().toString(), String.valueOf(line.restaurantId()), line.kind().name(),
                line.direction().name(), text(line.partnerCode()), text(line.messageType()), text(line.messageId()),
                number(line.reservationId()), line.outcome().name(), number(line.httpStatus()), number(line.attempt()),
                number(line.latencyMs()), text(line.errorCode()), text(line.errorDetail())));
    }

    private void row(List<String> fields) {
        try {
            out.write(String.join(",", fields));
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String number(Number value) {
        return value == null ? "" : value.toString();
    }

    /** Free text: guarded against formulas, then quoted when needed. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return field(startsLikeAFormula(value) ? "'" + value : value);
    }

    private static boolean startsLikeAFormula(String value) {
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }

    private static String field(String value) {
        Objects.requireNonNull(value);
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
