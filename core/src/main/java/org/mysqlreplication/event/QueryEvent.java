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
 *
 * <p>Immutable and thread-safe. {@link #dump()} hides password literals; {@link #toString()} leaves the query
 * text out (it may hold row values).
 */
public record QueryEvent(EventHeader header, long slaveProxyId, long executionTime, int errorCode, String schema,
        String query, QueryStatusVars statusVars) implements BinlogEvent {

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
                .field("Query", PasswordRedaction.redact(query))
                .end();
    }

    @Override
    public String toString() {
        return "QueryEvent[slaveProxyId=" + slaveProxyId + ", executionTime=" + executionTime + ", errorCode="
                + errorCode + ", schema=" + schema + ", query " + query.length() + " char(s)]";
    }
}
