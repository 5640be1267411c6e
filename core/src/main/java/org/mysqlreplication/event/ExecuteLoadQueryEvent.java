package org.mysqlreplication.event;

import java.util.Objects;

/**
 * EXECUTE_LOAD_QUERY_EVENT: the {@code LOAD DATA INFILE} statement of a statement-based binlog, loading the file
 * that the BEGIN_LOAD_QUERY / APPEND_BLOCK events with {@code fileId} carried. Laid out like a QUERY_EVENT with
 * four more post-header fields.
 *
 * @param query            the statement
 * @param startPos         the offset in {@code query} where the file name starts
 * @param endPos           the offset in {@code query} where the file name ends
 * @param dupHandlingFlags 0 = error on duplicates, 1 = IGNORE, 2 = REPLACE
 *
 * <p>Immutable and thread-safe. {@link #toString()} leaves the statement out.
 */
public record ExecuteLoadQueryEvent(
        EventHeader header,
        long slaveProxyId,
        long executionTime,
        int errorCode,
        String schema,
        String query,
        QueryStatusVars statusVars,
        long fileId,
        long startPos,
        long endPos,
        int dupHandlingFlags)
        implements BinlogEvent {

    public ExecuteLoadQueryEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(statusVars, "statusVars");
    }

    @Override
    public String dump() {
        return DumpText.start("ExecuteLoadQueryEvent", header)
                .field("Slave proxy id", slaveProxyId)
                .field("Execution time", executionTime)
                .field("Schema length", schema.length())
                .field("Error code", errorCode)
                .field("File id", fileId)
                .field("Start pos", startPos)
                .field("End pos", endPos)
                .field("Dup handling flags", dupHandlingFlags)
                .end();
    }

    @Override
    public String toString() {
        return "ExecuteLoadQueryEvent[fileId=" + fileId + ", schema=" + schema + ", query " + query.length()
                + " char(s)]";
    }
}
