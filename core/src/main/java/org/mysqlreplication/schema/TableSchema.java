package org.mysqlreplication.schema;

import java.util.List;
import java.util.Objects;

/**
 * A table as rows events need it: database, table name, columns in binlog order, and the primary key
 * (column indexes; empty when not known).
 *
 * <p>Immutable and thread-safe.
 */
public record TableSchema(String database, String table, List<ColumnSchema> columns, List<Integer> primaryKey) {

    public TableSchema {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    /** Column {@code i}'s name, or {@code @n} (1-based, as mysqlbinlog and python say) when it is not known. */
    public String label(int i) {
        String n = columns.get(i).name();
        return n != null ? n : "@" + (i + 1);
    }

    /** The index of the column named {@code name} (case-insensitive, as MySQL column names are), or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            String n = columns.get(i).name();
            if (n != null && n.equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
