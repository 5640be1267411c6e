package org.mysqlreplication.event;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.mysqlreplication.value.ColumnType;

/**
 * TABLE_MAP_EVENT: maps a table id to a table and its column types before the rows events that use it.
 *
 * @param tableId          the table id (6 bytes; 4 in old servers)
 * @param flags            the table map flags
 * @param schema           the database name
 * @param table            the table name
 * @param columnTypes      the column types as written (ENUM/SET usually appear as STRING)
 * @param columnMetadata   the per-column metadata, one int per column as the value decoders read it
 * @param nullability      bit i set = column i is nullable
 * @param optionalMetadata the optional metadata fields (empty when none)
 *
 * <p>Immutable and thread-safe.
 */
public record TableMapEvent(
        EventHeader header,
        long tableId,
        int flags,
        String schema,
        String table,
        List<ColumnType> columnTypes,
        int[] columnMetadata,
        BitSet nullability,
        TableMapOptionalMetadata optionalMetadata)
        implements BinlogEvent {

    public TableMapEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(optionalMetadata, "optionalMetadata");
        columnTypes = List.copyOf(columnTypes);
        columnMetadata = columnMetadata.clone();
        nullability = (BitSet) nullability.clone();
        if (columnMetadata.length != columnTypes.size()) {
            throw new IllegalArgumentException(
                    "metadata for " + columnMetadata.length + " column(s), expected " + columnTypes.size());
        }
    }

    public int columnCount() {
        return columnTypes.size();
    }

    @Override
    public int[] columnMetadata() {
        return columnMetadata.clone();
    }

    @Override
    public BitSet nullability() {
        return (BitSet) nullability.clone();
    }

    @Override
    public String dump() {
        return DumpText.start("TableMapEvent", header)
                .field("Table id", tableId)
                .field("Schema", schema)
                .field("Table", table)
                .field("Columns", columnCount())
                .end();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableMapEvent t
                && header.equals(t.header)
                && tableId == t.tableId
                && flags == t.flags
                && schema.equals(t.schema)
                && table.equals(t.table)
                && columnTypes.equals(t.columnTypes)
                && Arrays.equals(columnMetadata, t.columnMetadata)
                && nullability.equals(t.nullability)
                && optionalMetadata.equals(t.optionalMetadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, tableId, schema, table, columnTypes);
    }

    @Override
    public String toString() {
        return "TableMapEvent[tableId=" + tableId + ", " + schema + "." + table + ", columnTypes=" + columnTypes + "]";
    }
}
