package org.mysqlreplication.event;

import java.util.Objects;

/**
 * MySQL ROWS_QUERY_LOG_EVENT: the statement behind the following rows events
 * ({@code binlog_rows_query_log_events}).
 *
 * <p>Immutable and thread-safe. {@link #dump()} hides password literals; {@link #toString()} leaves the text out.
 */
public record RowsQueryEvent(EventHeader header, String query) implements BinlogEvent {

    public RowsQueryEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(query, "query");
    }

    /** Python's RowsQueryLogEvent prints the title and the query only. */
    @Override
    public String dump() {
        return DumpText.titleOnly("RowsQueryLogEvent").field("Query", PasswordRedaction.redact(query)).end();
    }

    @Override
    public String toString() {
        return "RowsQueryEvent[" + query.length() + " char(s)]";
    }
}
