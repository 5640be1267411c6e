package org.mysqlreplication.event;

import org.mysqlreplication.schema.TableSchema;

/**
 * What the three rows events share: the table they change and how many rows. Lets a consumer route inserts,
 * updates and deletes by table without a case per event class.
 *
 * <p>Implementations are immutable records and thread-safe.
 */
public sealed interface RowsEvent extends BinlogEvent permits WriteRowsEvent, UpdateRowsEvent, DeleteRowsEvent {

    /** The table id of the TABLE_MAP_EVENT this event refers to. */
    long tableId();

    /** The table's schema as resolved for that TABLE_MAP_EVENT. */
    TableSchema table();

    /** The rows event flags ({@code STMT_END_F} = 1, ...). */
    int flags();

    /** How many rows the event changes (for updates: before/after pairs). */
    int rowCount();

    /**
     * This event without its first {@code n} rows: what a reader resuming after row {@code n - 1} of it hands out
     * (see {@link ResumePosition}). The header stays the event's own.
     *
     * @throws IllegalArgumentException unless {@code 0 <= n <= rowCount()}
     */
    RowsEvent withoutFirstRows(int n);
}
