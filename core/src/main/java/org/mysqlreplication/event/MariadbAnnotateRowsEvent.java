package org.mysqlreplication.event;

import java.util.Objects;

/**
 * MariaDB ANNOTATE_ROWS_EVENT: the SQL statement behind the following rows events
 * ({@code binlog_annotate_row_events}).
 *
 * <p>Immutable and thread-safe.
 */
public record MariadbAnnotateRowsEvent(EventHeader header, String sqlStatement) implements BinlogEvent {

    public MariadbAnnotateRowsEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(sqlStatement, "sqlStatement");
    }

    @Override
    public String dump() {
        return DumpText.start("MariadbAnnotateRowsEvent", header).line("SQL statement : " + PasswordRedaction.redact(sqlStatement)).end();
    }

    @Override
    public String toString() {
        return "MariadbAnnotateRowsEvent[" + sqlStatement.length() + " char(s)]";
    }
}
