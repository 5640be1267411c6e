package org.mysqlreplication.event.decode;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.mysqlreplication.event.BeginLoadQueryEvent;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.DeleteFileEvent;
import org.mysqlreplication.event.DeleteRowsEvent;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.ExecuteLoadQueryEvent;
import org.mysqlreplication.event.FormatDescriptionEvent;
import org.mysqlreplication.event.GtidEvent;
import org.mysqlreplication.event.HeartbeatEvent;
import org.mysqlreplication.event.IncidentEvent;
import org.mysqlreplication.event.IntVarEvent;
import org.mysqlreplication.event.MariadbAnnotateRowsEvent;
import org.mysqlreplication.event.MariadbBinlogCheckpointEvent;
import org.mysqlreplication.event.MariadbGtidEvent;
import org.mysqlreplication.event.MariadbGtidListEvent;
import org.mysqlreplication.event.MariadbStartEncryptionEvent;
import org.mysqlreplication.event.PreviousGtidsEvent;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.RandEvent;
import org.mysqlreplication.event.RotateEvent;
import org.mysqlreplication.event.RowsQueryEvent;
import org.mysqlreplication.event.StopEvent;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.TransactionContextEvent;
import org.mysqlreplication.event.TransactionPayloadEvent;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.UserVarEvent;
import org.mysqlreplication.event.ViewChangeEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.XaPrepareEvent;
import org.mysqlreplication.event.XidEvent;

/**
 * The one list of the event types this library decodes: for each, its decoder, the record class it decodes to, and
 * whether it carries stream state (it must be decoded even when the user's selection drops it, because it changes
 * how later events are read or where the stream is: format, file name, table maps, DDL, GTIDs, transaction ends).
 * The decoder, the event selection, the readers and the command line's event names all derive from it, so adding
 * an event type means its record, its decoder and one line here.
 *
 * <p>Immutable and thread-safe: the decoders are stateless.
 */
public final class EventRegistry {

    /** One event type's entry. */
    record Entry(Class<? extends BinlogEvent> recordClass, BodyDecoder decoder, boolean carriesState) {}

    private static final Map<EventType, Entry> ENTRIES = entries();

    private EventRegistry() {}

    private static Map<EventType, Entry> entries() {
        Map<EventType, Entry> m = new EnumMap<>(EventType.class);
        BodyDecoder fde = new FormatDescriptionDecoder();
        put(m, EventType.FORMAT_DESCRIPTION_EVENT, FormatDescriptionEvent.class, fde, true);
        put(m, EventType.START_EVENT_V3, FormatDescriptionEvent.class, fde, true);
        put(m, EventType.ROTATE_EVENT, RotateEvent.class, new RotateDecoder(), true);
        put(m, EventType.QUERY_EVENT, QueryEvent.class, new QueryDecoder(), true);
        put(m, EventType.MARIADB_QUERY_COMPRESSED_EVENT, QueryEvent.class, new MariadbCompressedQueryDecoder(), true);
        put(m, EventType.XID_EVENT, XidEvent.class, new XidDecoder(), true);
        put(m, EventType.XA_PREPARE_LOG_EVENT, XaPrepareEvent.class, new XaPrepareDecoder(), true);
        put(m, EventType.TABLE_MAP_EVENT, TableMapEvent.class, new TableMapDecoder(), true);
        BodyDecoder rows = new RowsDecoder();
        BodyDecoder compressedRows = new MariadbCompressedRowsDecoder();
        for (EventType t : EventType.values()) {
            Class<? extends BinlogEvent> c = rowsClass(t.uncompressed());
            if (c != null) {
                put(m, t, c, t == t.uncompressed() ? rows : compressedRows, false);
            }
        }
        put(m, EventType.INTVAR_EVENT, IntVarEvent.class, new IntVarDecoder(), false);
        put(m, EventType.RAND_EVENT, RandEvent.class, new RandDecoder(), false);
        put(m, EventType.USER_VAR_EVENT, UserVarEvent.class, new UserVarDecoder(), false);
        put(m, EventType.STOP_EVENT, StopEvent.class, new StopDecoder(), false);
        BodyDecoder heartbeat = new HeartbeatDecoder();
        put(m, EventType.HEARTBEAT_LOG_EVENT, HeartbeatEvent.class, heartbeat, false);
        put(m, EventType.HEARTBEAT_LOG_EVENT_V2, HeartbeatEvent.class, heartbeat, false);
        put(
                m,
                EventType.MARIADB_ANNOTATE_ROWS_EVENT,
                MariadbAnnotateRowsEvent.class,
                new MariadbAnnotateRowsDecoder(),
                false);
        put(
                m,
                EventType.MARIADB_BINLOG_CHECKPOINT_EVENT,
                MariadbBinlogCheckpointEvent.class,
                new MariadbBinlogCheckpointDecoder(),
                false);
        put(m, EventType.MARIADB_GTID_EVENT, MariadbGtidEvent.class, new MariadbGtidDecoder(), true);
        put(m, EventType.MARIADB_GTID_LIST_EVENT, MariadbGtidListEvent.class, new MariadbGtidListDecoder(), true);
        put(
                m,
                EventType.MARIADB_START_ENCRYPTION_EVENT,
                MariadbStartEncryptionEvent.class,
                new MariadbStartEncryptionDecoder(),
                true);
        BodyDecoder gtid = new GtidDecoder();
        put(m, EventType.GTID_LOG_EVENT, GtidEvent.class, gtid, true);
        put(m, EventType.ANONYMOUS_GTID_LOG_EVENT, GtidEvent.class, gtid, true);
        put(m, EventType.GTID_TAGGED_LOG_EVENT, GtidEvent.class, new GtidTaggedDecoder(), true);
        put(
                m,
                EventType.TRANSACTION_CONTEXT_EVENT,
                TransactionContextEvent.class,
                new TransactionContextDecoder(),
                false);
        put(m, EventType.VIEW_CHANGE_EVENT, ViewChangeEvent.class, new ViewChangeDecoder(), false);
        put(m, EventType.PREVIOUS_GTIDS_LOG_EVENT, PreviousGtidsEvent.class, new PreviousGtidsDecoder(), true);
        put(m, EventType.ROWS_QUERY_LOG_EVENT, RowsQueryEvent.class, new RowsQueryDecoder(), false);
        BodyDecoder block = new BeginLoadQueryDecoder();
        put(m, EventType.BEGIN_LOAD_QUERY_EVENT, BeginLoadQueryEvent.class, block, false);
        put(m, EventType.APPEND_BLOCK_EVENT, BeginLoadQueryEvent.class, block, false);
        put(m, EventType.EXECUTE_LOAD_QUERY_EVENT, ExecuteLoadQueryEvent.class, new ExecuteLoadQueryDecoder(), false);
        put(m, EventType.DELETE_FILE_EVENT, DeleteFileEvent.class, new DeleteFileDecoder(), false);
        put(m, EventType.INCIDENT_EVENT, IncidentEvent.class, new IncidentDecoder(), false);
        // a compressed transaction's events carry state of their own: the payload is always opened
        put(
                m,
                EventType.TRANSACTION_PAYLOAD_EVENT,
                TransactionPayloadEvent.class,
                new TransactionPayloadDecoder(),
                true);
        return Collections.unmodifiableMap(m);
    }

    private static Class<? extends BinlogEvent> rowsClass(EventType t) {
        return switch (t) {
            case PRE_GA_WRITE_ROWS_EVENT, WRITE_ROWS_EVENT_V1, WRITE_ROWS_EVENT -> WriteRowsEvent.class;
            case PRE_GA_UPDATE_ROWS_EVENT, UPDATE_ROWS_EVENT_V1, UPDATE_ROWS_EVENT, PARTIAL_UPDATE_ROWS_EVENT ->
                UpdateRowsEvent.class; // a partial update is an update whose JSON may come as changes
            case PRE_GA_DELETE_ROWS_EVENT, DELETE_ROWS_EVENT_V1, DELETE_ROWS_EVENT -> DeleteRowsEvent.class;
            default -> null;
        };
    }

    private static void put(
            Map<EventType, Entry> m,
            EventType type,
            Class<? extends BinlogEvent> recordClass,
            BodyDecoder decoder,
            boolean carriesState) {
        if (m.put(type, new Entry(recordClass, decoder, carriesState)) != null) {
            throw new IllegalStateException(type + " registered twice");
        }
    }

    /** The entry of {@code type}, or {@code null} when the type is not decoded. */
    static Entry entry(EventType type) {
        return ENTRIES.get(type);
    }

    /** The record class events of {@code type} decode to, or {@code null} when the type is not decoded. */
    public static Class<? extends BinlogEvent> recordClass(EventType type) {
        Entry e = ENTRIES.get(type);
        return e == null ? null : e.recordClass();
    }

    /**
     * Whether events of {@code type} must be decoded even when the selection drops them. Types that are not
     * decoded carry none that we could apply.
     */
    public static boolean carriesState(EventType type) {
        Entry e = ENTRIES.get(type);
        return e != null && e.carriesState();
    }

    /** Whether rows events of this type name their table by a table id right after the common header. */
    static boolean isRowsType(EventType type) {
        return rowsClass(type.uncompressed()) != null;
    }

    /**
     * Whether an event of this type larger than the large-value threshold goes to a spill file rather than the heap:
     * rows events (their large values stay in the file), the statements whose text ends them (QUERY, MariaDB's
     * ANNOTATE_ROWS, MySQL's ROWS_QUERY: their text is cut at the threshold, see
     * {@link org.mysqlreplication.event.QueryEvent#truncated()}), the compressed events (MariaDB's compressed
     * QUERY and rows events, MySQL's TRANSACTION_PAYLOAD), whose compressed part is decompressed as a stream from
     * the file, and USER_VAR, whose value above the threshold stays in the file (see
     * {@link org.mysqlreplication.event.UserVarEvent#largeValue()}).
     */
    public static boolean spillable(EventType type) {
        return type.isRowsEvent()
                || endsWithText(type)
                || type == EventType.USER_VAR_EVENT
                || type != type.uncompressed()
                || type == EventType.TRANSACTION_PAYLOAD_EVENT;
    }

    /** Whether the event's body ends with a statement text that may be cut. */
    static boolean endsWithText(EventType type) {
        return type == EventType.QUERY_EVENT
                || type == EventType.MARIADB_ANNOTATE_ROWS_EVENT
                || type == EventType.ROWS_QUERY_LOG_EVENT;
    }

    /** The event types that are decoded, in code order. */
    public static Set<EventType> types() {
        return ENTRIES.keySet();
    }

    /** Every record class some event type decodes to (an event type not decoded becomes an UnknownEvent). */
    public static Set<Class<? extends BinlogEvent>> recordClasses() {
        Set<Class<? extends BinlogEvent>> s = new LinkedHashSet<>();
        for (Entry e : ENTRIES.values()) {
            s.add(e.recordClass());
        }
        return Collections.unmodifiableSet(s);
    }
}
