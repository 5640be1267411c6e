package org.mysqlreplication.event;

import java.util.Objects;

/**
 * MySQL ROWS_QUERY_LOG_EVENT: the statement behind the following rows events
 * ({@code binlog_rows_query_log_events}).
 *
 * <p>Immutable and thread-safe. {@link #dump()} hides password literals; {@link #toString()} leaves the text out.
 *
 * @param query       the statement, or its start when {@code queryLength} is not -1
 * @param queryLength -1 when {@code query} is whole; else its length in bytes in the binlog: a statement larger than
 *                    the reader's large-value threshold is cut there (see {@link #truncated()})
 */
public record RowsQueryEvent(EventHeader header, String query, long queryLength) implements BinlogEvent {

    /** A rows query event with its whole statement. */
    public RowsQueryEvent(EventHeader header, String query) {
        this(header, query, -1);
    }

    /** Whether {@link #query()} is only the start of the statement. */
    public boolean truncated() {
        return queryLength >= 0;
    }

    public RowsQueryEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(query, "query");
    }

    /** Python's RowsQueryLogEvent prints the title and the query only. */
    @Override
    public String dump() {
        return DumpText.titleOnly("RowsQueryLogEvent")
                .field("Query", PasswordRedaction.redact(query) + DumpText.truncation(queryLength))
                .end();
    }

    @Override
    public String toString() {
        return "RowsQueryEvent[" + query.length() + " char(s)]";
    }
}
