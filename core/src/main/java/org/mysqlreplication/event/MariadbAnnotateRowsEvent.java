package org.mysqlreplication.event;

import java.util.Objects;

/**
 * MariaDB ANNOTATE_ROWS_EVENT: the SQL statement behind the following rows events
 * ({@code binlog_annotate_row_events}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param sqlStatement    the statement, or its start when {@code statementLength} is not -1
 * @param statementLength -1 when {@code sqlStatement} is whole; else its length in bytes in the binlog: a statement
 *                        larger than the reader's large-value threshold is cut there (see {@link #truncated()})
 */
public record MariadbAnnotateRowsEvent(EventHeader header, String sqlStatement, long statementLength)
        implements BinlogEvent {

    /** An annotation with its whole statement. */
    public MariadbAnnotateRowsEvent(EventHeader header, String sqlStatement) {
        this(header, sqlStatement, -1);
    }

    /** Whether {@link #sqlStatement()} is only the start of the statement. */
    public boolean truncated() {
        return statementLength >= 0;
    }

    public MariadbAnnotateRowsEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(sqlStatement, "sqlStatement");
    }

    @Override
    public String dump() {
        return DumpText.start("MariadbAnnotateRowsEvent", header)
                .line("SQL statement : " + PasswordRedaction.redact(sqlStatement)
                        + DumpText.truncation(statementLength))
                .end();
    }

    @Override
    public String toString() {
        return "MariadbAnnotateRowsEvent[" + sqlStatement.length() + " char(s)]";
    }
}
