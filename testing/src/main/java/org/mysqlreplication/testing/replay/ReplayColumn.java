package org.mysqlreplication.testing.replay;

import java.util.Locale;
import java.util.Objects;

/**
 * One column of a table the {@link MysqlReplayServer}'s {@code information_schema.COLUMNS} shows, as MySQL fills
 * that view: the name, the full {@code COLUMN_TYPE} (e.g. {@code int unsigned}, {@code varchar(20)},
 * {@code datetime(3)}), {@code IS_NULLABLE}, {@code COLUMN_KEY} ({@code PRI}, {@code UNI}, {@code MUL} or empty) and
 * the collation (null for a column without one). {@code DATA_TYPE}, {@code CHARACTER_SET_NAME} and
 * {@code DATETIME_PRECISION} follow from them.
 *
 * <p>Immutable and thread-safe.
 */
public record ReplayColumn(String name, String columnType, boolean nullable, String key, String collation) {

    public ReplayColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(columnType, "columnType");
        key = key == null ? "" : key;
    }

    /**
     * A nullable column without a key; a character column ({@code char}, {@code varchar}, {@code *text},
     * {@code enum}, {@code set}) gets utf8mb4_0900_ai_ci, MySQL 8's default.
     */
    public static ReplayColumn of(String name, String columnType) {
        String t = dataType(columnType);
        boolean text = t.endsWith("char") || t.endsWith("text") || t.equals("enum") || t.equals("set");
        return new ReplayColumn(name, columnType, true, "", text ? "utf8mb4_0900_ai_ci" : null);
    }

    /** The same column as the primary key (not nullable). */
    public ReplayColumn primaryKey() {
        return new ReplayColumn(name, columnType, false, "PRI", collation);
    }

    /** {@code DATA_TYPE}: the type name without length or attributes. */
    String dataType() {
        return dataType(columnType);
    }

    private static String dataType(String columnType) {
        return columnType.toLowerCase(Locale.ROOT).split("[( ]", 2)[0];
    }

    /** {@code DATETIME_PRECISION}: the fraction digits of a temporal column, null for others. */
    String datetimePrecision() {
        String t = dataType();
        if (!(t.equals("time") || t.equals("datetime") || t.equals("timestamp"))) {
            return null;
        }
        int open = columnType.indexOf('(');
        return open < 0 ? "0" : columnType.substring(open + 1, columnType.indexOf(')', open));
    }

    /** {@code CHARACTER_SET_NAME}: the collation's character set. */
    String characterSet() {
        return collation == null
                ? null
                : collation.equals("binary") ? "binary" : collation.split("_", 2)[0];
    }
}
