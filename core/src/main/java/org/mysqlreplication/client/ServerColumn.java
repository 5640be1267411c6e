package org.mysqlreplication.client;

import java.util.List;
import java.util.Locale;
import org.mysqlreplication.value.ColumnDef;

/**
 * One row of {@code information_schema.COLUMNS} as the schema resolver reads it.
 *
 * <p>Immutable and thread-safe.
 */
record ServerColumn(String name, boolean unsigned, boolean nullable, boolean primaryKey, int collationId,
        List<String> enumValues, List<String> setValues, int datetimePrecision) {

    static ServerColumn of(String name, String columnType, String isNullable, String columnKey,
            String collationId, String datetimePrecision) {
        String type = columnType.toLowerCase(Locale.ROOT);
        List<String> labels = ColumnTypeLabels.parse(columnType);
        return new ServerColumn(name, type.contains("unsigned"), "YES".equals(isNullable), "PRI".equals(columnKey),
                collationId != null ? Integer.parseInt(collationId) : binaryType(type)
                        ? ColumnDef.BINARY_COLLATION : ColumnDef.UNKNOWN_COLLATION,
                type.startsWith("enum(") ? labels : List.of(), type.startsWith("set(") ? labels : List.of(),
                datetimePrecision == null ? 0 : Integer.parseInt(datetimePrecision));
    }

    /**
     * BINARY, VARBINARY, the BLOB types and MariaDB's INET4, INET6 and UUID (logged as BINARY(4) / BINARY(16))
     * have no collation in information_schema: their bytes are binary.
     */
    private static boolean binaryType(String type) {
        return type.startsWith("binary") || type.startsWith("varbinary") || type.endsWith("blob")
                || type.equals("inet4") || type.equals("inet6") || type.equals("uuid");
    }
}
