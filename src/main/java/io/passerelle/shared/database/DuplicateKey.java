package io.passerelle.shared.database;

import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * A write the database refused because it duplicates a unique key.
 *
 * @param constraint the key's name, as the migrations name it ({@code uk_dining_table_name})
 * @param value      the duplicate as MariaDB reports it: the key's columns joined by '-' ({@code 12-T1})
 */
public record DuplicateKey(String constraint, String value) {

    /** MariaDB's ER_DUP_ENTRY. */
    private static final int DUPLICATE_ENTRY = 1062;
    /** Its message; MySQL 8 prefixes the key with its table ({@code 'dining_table.uk_...'}), MariaDB does not. */
    private static final Pattern MESSAGE = Pattern.compile("Duplicate entry '(.*)' for key '(?:[^']*\\.)?([^'.]+)'",
            Pattern.DOTALL);

    /** The duplicate key behind this refusal; empty when the database refused the write for another reason. */
    public static Optional<DuplicateKey> of(DataIntegrityViolationException refusal) {
        for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_ENTRY && sql.getMessage() != null) {
                Matcher matcher = MESSAGE.matcher(sql.getMessage());
                if (matcher.find()) {
                    return Optional.of(new DuplicateKey(matcher.group(2), matcher.group(1)));
                }
            }
        }
        return Optional.empty();
    }

    /** The last column's value of a key whose first columns are numeric ids: {@code T1} of {@code 12-T1}. */
    public String afterIds(int idColumns) {
        return value.replaceFirst("^(\\d+-){" + idColumns + "}", "");
    }
}
