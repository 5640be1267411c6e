package org.mysqlreplication.event;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * QUERY_EVENT: a statement (DDL, BEGIN, statement-based DML, ...).
 *
 * @param slaveProxyId  the thread id of the session that ran the statement
 * @param executionTime seconds the statement took
 * @param errorCode     the error code the statement produced on the source (usually 0)
 * @param schema        the default database when it ran (empty when none)
 * @param query         the statement text, decoded with {@code character_set_client} when known, else UTF-8
 * @param statusVars    the status variables
 * @param queryLength   -1 when {@code query} is the whole statement; else the statement's length in bytes in the
 *                      binlog, of which {@code query} is the start: a statement larger than the reader's large-value
 *                      threshold is cut there, so that no event needs more heap than that (see
 *                      {@link #truncated()})
 *
 * <p>Immutable and thread-safe. {@link #dump()} hides password literals; {@link #toString()} leaves the query
 * text out (it may hold row values).
 */
public record QueryEvent(
        EventHeader header,
        long slaveProxyId,
        long executionTime,
        int errorCode,
        String schema,
        String query,
        QueryStatusVars statusVars,
        long queryLength)
        implements BinlogEvent {

    /** A query event with its whole statement. */
    public QueryEvent(
            EventHeader header,
            long slaveProxyId,
            long executionTime,
            int errorCode,
            String schema,
            String query,
            QueryStatusVars statusVars) {
        this(header, slaveProxyId, executionTime, errorCode, schema, query, statusVars, -1);
    }

    /** Whether {@link #query()} is only the start of the statement (see {@code queryLength}). */
    public boolean truncated() {
        return queryLength >= 0;
    }

    public QueryEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(statusVars, "statusVars");
    }

    @Override
    public String dump() {
        return DumpText.start("QueryEvent", header)
                .field("Schema", DumpText.bytesRepr(schema.getBytes(StandardCharsets.UTF_8)))
                .field("Execution time", executionTime)
                .field("Query", PasswordRedaction.redact(query) + DumpText.truncation(queryLength))
                .end();
    }

    @Override
    public String toString() {
        return "QueryEvent[slaveProxyId=" + slaveProxyId + ", executionTime=" + executionTime + ", errorCode="
                + errorCode + ", schema=" + schema + ", query " + query.length() + " char(s)]";
    }
}
