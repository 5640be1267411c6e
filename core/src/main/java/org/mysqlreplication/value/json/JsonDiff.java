package org.mysqlreplication.value.json;

import java.util.Objects;

/**
 * One change of a MySQL JSON partial update ({@code binlog_row_value_options=PARTIAL_JSON}): an operation, the
 * JSON path it applies to, as the server wrote it ({@code $.a}, {@code $[1]}, {@code $."b c"}), and the new value
 * ({@code null} for {@link Operation#REMOVE}). The server logs such a change for {@code JSON_SET},
 * {@code JSON_REPLACE} and {@code JSON_REMOVE} of a column on itself (sql/json_diff.h, {@code Json_diff}).
 *
 * @param operation what the change does
 * @param path      the JSON path, as written by the server
 * @param value     the value put at the path; {@code null} for a removal
 *
 * <p>Immutable and thread-safe.
 */
public record JsonDiff(Operation operation, String path, MysqlJson value) {

    /** {@code enum_json_diff_operation}, with its codes in the binlog. */
    public enum Operation {
        /** Replace the value at the path (code 0). */
        REPLACE,
        /** Insert a value at the path: a new member, or an array element (code 1). */
        INSERT,
        /** Remove the value at the path (code 2). */
        REMOVE
    }

    public JsonDiff {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(path, "path");
        if ((value == null) != (operation == Operation.REMOVE)) {
            throw new IllegalArgumentException(operation + " with" + (value == null ? "out" : "") + " a value");
        }
    }

    /** The change as the SQL function it stands for, applied to {@code target}: {@code JSON_REPLACE(t, '$.a', 1)}. */
    public String sql(String target) {
        String quotedPath = "'" + path.replace("\\", "\\\\").replace("'", "\\'") + "'";
        return switch (operation) {
            case REPLACE -> "JSON_REPLACE(" + target + ", " + quotedPath + ", " + value.text() + ")";
            case INSERT -> "JSON_INSERT(" + target + ", " + quotedPath + ", " + value.text() + ")";
            case REMOVE -> "JSON_REMOVE(" + target + ", " + quotedPath + ")";
        };
    }
}
