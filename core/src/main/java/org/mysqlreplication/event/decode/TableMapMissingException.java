package org.mysqlreplication.event.decode;

/**
 * A rows event refers to a table id no TABLE_MAP_EVENT of this stream has mapped (the stream started in the middle
 * of a transaction, or the TABLE_MAP was lost).
 *
 * <p>Immutable and thread-safe.
 */
public final class TableMapMissingException extends EventDecodeException {

    private final long tableId;

    public TableMapMissingException(long tableId, String binlogFile, long position, String eventType) {
        super(
                "rows event for table id " + tableId + " with no TABLE_MAP_EVENT before it",
                binlogFile,
                position,
                eventType,
                -1,
                null);
        this.tableId = tableId;
    }

    public long tableId() {
        return tableId;
    }
}
