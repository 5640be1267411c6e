package org.mysqlreplication.event;

/**
 * One decoded binlog event. The set of event records is closed; an event type the decoder does not decode comes
 * out as {@link UnknownEvent} (or as an error, by the decoder's policy), never as {@code null}.
 *
 * <p>Implementations are immutable records and thread-safe.
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
}
