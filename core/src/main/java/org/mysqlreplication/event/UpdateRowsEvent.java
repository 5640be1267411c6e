package org.mysqlreplication.event;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.mysqlreplication.schema.TableSchema;

/**
 * UPDATE_ROWS_EVENT (v0 PRE_GA, v1, v2): rows changed in a table, each with its before and after image.
 *
 * @param tableId               the table id of the TABLE_MAP_EVENT this event refers to
 * @param table                 the table's schema as resolved for that TABLE_MAP_EVENT
 * @param flags                 rows event flags (see {@link WriteRowsEvent})
 * @param includedColumnsBefore the columns in each before image
 * @param includedColumnsAfter  the columns in each after image (v0 has one bitmap: the same as before)
 * @param rows                  the changed rows
 * @param extraData             the v2 extra row info as written (empty for v0/v1 or none)
 *
 * <p>Immutable and thread-safe. {@link #toString()} does not show row values.
 */
public record UpdateRowsEvent(
        EventHeader header,
        long tableId,
        TableSchema table,
        int flags,
        BitSet includedColumnsBefore,
        BitSet includedColumnsAfter,
        List<UpdateRow> rows,
        byte[] extraData)
        implements RowsEvent {

    public UpdateRowsEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(table, "table");
        includedColumnsBefore = (BitSet) includedColumnsBefore.clone();
        includedColumnsAfter = (BitSet) includedColumnsAfter.clone();
        rows = List.copyOf(rows);
        extraData = extraData.clone();
    }

    @Override
    public BitSet includedColumnsBefore() {
        return (BitSet) includedColumnsBefore.clone();
    }

    @Override
    public BitSet includedColumnsAfter() {
        return (BitSet) includedColumnsAfter.clone();
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
    public UpdateRowsEvent withoutFirstRows(int n) {
        if (n < 0 || n > rows.size()) {
            throw new IllegalArgumentException("leave out " + n + " of " + rows.size() + " row(s)");
        }
        return new UpdateRowsEvent(
                header,
                tableId,
                table,
                flags,
                includedColumnsBefore,
                includedColumnsAfter,
                rows.subList(n, rows.size()),
                extraData);
    }

    @Override
    public String dump() {
        return RowsDump.updates(header, table, rows);
    }

    @Override
    public String toString() {
        return "UpdateRowsEvent[tableId=" + tableId + ", " + table.database() + "." + table.table() + ", " + rows.size()
                + " row(s)]";
    }
}
