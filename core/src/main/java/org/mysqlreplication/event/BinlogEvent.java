package org.mysqlreplication.event;

import java.util.Map;
import org.mysqlreplication.jsonl.JsonLines;

/**
 * One decoded binlog event. The set of event records is closed; an event type the decoder does not decode comes
 * out as {@link UnknownEvent} (or as an error, by the decoder's policy), never as {@code null}.
 *
 * <p>Implementations are immutable records and thread-safe.
 *
 * <p>{@link #toJson()} and {@link #toMap()} are the JSON lines writer's ({@code jsonl}, which is built on this
 * model): the one place the model refers to it, so that an event's JSON has one encoder.
 */
public sealed interface BinlogEvent
        permits FormatDescriptionEvent,
                RotateEvent,
                QueryEvent,
                XidEvent,
                TableMapEvent,
                RowsEvent,
                IntVarEvent,
                RandEvent,
                UserVarEvent,
                HeartbeatEvent,
                StopEvent,
                MariadbAnnotateRowsEvent,
                MariadbBinlogCheckpointEvent,
                MariadbGtidEvent,
                MariadbGtidListEvent,
                GtidEvent,
                PreviousGtidsEvent,
                XaPrepareEvent,
                RowsQueryEvent,
                BeginLoadQueryEvent,
                ExecuteLoadQueryEvent,
                DeleteFileEvent,
                IncidentEvent,
                TransactionPayloadEvent,
                MariadbStartEncryptionEvent,
                TransactionContextEvent,
                ViewChangeEvent,
                UnknownEvent {

    /** The common header. */
    EventHeader header();

    /**
     * The event as text, in the format python-mysql-replication's {@code dump()} prints: a
     * {@code === ClassName ===} title, the common fields ({@code Date} in UTC, {@code Log position},
     * {@code Event size}, {@code Read bytes}), the event's own fields, then an empty line. It never contains a
     * password (password literals in SQL text are replaced by {@code '<redacted>'}); rows events print their
     * row values (the user asked for them), as Python would print them: {@code None} for NULL, {@code byte[]} as
     * Python's bytes repr {@code b'...'}, date-times as {@code 2014-05-06 20:51:02}, SET as {@code {'a', 'b'}}.
     * Columns without a known name print as {@code @1}, {@code @2}, ...
     */
    String dump();

    /**
     * The event as one JSON object, python-mysql-replication's {@code to_json()}: the object the JSON lines writer
     * writes for it ({@link JsonLines#toJson(BinlogEvent)}, with its value encoding: DECIMAL plain with its scale,
     * TIMESTAMP in UTC, bytes as base64, ...). Text passes through the same password redaction as {@link #dump()}.
     */
    default String toJson() {
        return JsonLines.toJson(this);
    }

    /**
     * The same object as a map, python's {@code to_dict()}: see {@link JsonLines#toMap(BinlogEvent)} for the Java
     * types of its values. A new map each call, which the caller may change.
     */
    default Map<String, Object> toMap() {
        return JsonLines.toMap(this);
    }
}
