package org.mysqlreplication.event;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.mysqlreplication.schema.TableSchema;

/**
 * WRITE_ROWS_EVENT (v0 PRE_GA, v1, v2): rows inserted into a table.
 *
 * @param tableId         the table id of the TABLE_MAP_EVENT this event refers to
 * @param table           the table's schema as resolved for that TABLE_MAP_EVENT
 * @param flags           rows event flags ({@code STMT_END_F} = 1, {@code NO_FOREIGN_KEY_CHECKS_F} = 2,
 *                        {@code RELAXED_UNIQUE_CHECKS_F} = 4, {@code COMPLETE_ROWS_F} = 8)
 * @param includedColumns the columns included in each row image
 * @param rows            the row images
 * @param extraData       the v2 extra row info as written (empty for v0/v1 or none)
 *
 * <p>Immutable and thread-safe. {@link #toString()} does not show row values.
 */
public record WriteRowsEvent(
        EventHeader header,
        long tableId,
        TableSchema table,
        int flags,
        BitSet includedColumns,
        List<Row> rows,
        byte[] extraData)
        implements RowsEvent {

    public WriteRowsEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(table, "table");
        includedColumns = (BitSet) includedColumns.clone();
        rows = List.copyOf(rows);
        extraData = extraData.clone();
    }

    @Override
    public BitSet includedColumns() {
        return (BitSet) includedColumns.clone();
    }

    @Override
    public byte[] extraData() {
        return extraData.clone();
    }

    @Override
    public int rowCount() {
        return rows.size();
    }

    @Override
    public WriteRowsEvent withoutFirstRows(int n) {
        if (n < 0 || n > rows.size()) {
            throw new IllegalArgumentException("leave out " + n + " of " + rows.size() + " row(s)");
        }
        return new WriteRowsEvent(
                header, tableId, table, flags, includedColumns, rows.subList(n, rows.size()), extraData);
    }

    @Override
    public String dump() {
        return RowsDump.rows("WriteRowsEvent", header, table, rows);
    }

    @Override
    public String toString() {
        return "WriteRowsEvent[tableId=" + tableId + ", " + table.database() + "." + table.table() + ", " + rows.size()
                + " row(s)]";
    }
}
