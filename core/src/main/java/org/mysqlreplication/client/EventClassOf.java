package org.mysqlreplication.client;

import java.util.EnumMap;
import java.util.Map;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.DeleteRowsEvent;
import org.mysqlreplication.event.EventHeader;
import org.mysqlreplication.event.EventType;
import org.mysqlreplication.event.FormatDescriptionEvent;
import org.mysqlreplication.event.HeartbeatEvent;
import org.mysqlreplication.event.IntVarEvent;
import org.mysqlreplication.event.MariadbAnnotateRowsEvent;
import org.mysqlreplication.event.MariadbBinlogCheckpointEvent;
import org.mysqlreplication.event.MariadbGtidEvent;
import org.mysqlreplication.event.MariadbGtidListEvent;
import org.mysqlreplication.event.QueryEvent;
import org.mysqlreplication.event.RandEvent;
import org.mysqlreplication.event.RotateEvent;
import org.mysqlreplication.event.RowsEvent;
import org.mysqlreplication.event.StopEvent;
import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.event.UpdateRowsEvent;
import org.mysqlreplication.event.UserVarEvent;
import org.mysqlreplication.event.WriteRowsEvent;
import org.mysqlreplication.event.XidEvent;

/**
 * What the reader needs to know about an event before decoding it: the class it decodes to, and whether it
 * carries stream state (format, file name, table maps, DDL) so that it must be decoded even when the user
 * does not want to see it.
 */
final class EventClassOf {

    /** Header flag of events the server made up for the replica (the first ROTATE of a dump). */
    static final int LOG_EVENT_ARTIFICIAL_F = 0x20;

    private static final Map<EventType, Class<? extends BinlogEvent>> TYPES = types();

    private EventClassOf() {
    }

    /** The class events of this type decode to, or {@code null} when that is only known after decoding. */
    static Class<? extends BinlogEvent> type(EventType type) {
        return TYPES.get(type);
    }

    /** Also the events of the MariaDB GTID position: GTID, GTID_LIST and XID (transaction ends). */
    static boolean carriesStreamState(Class<? extends BinlogEvent> type) {
        return type == FormatDescriptionEvent.class || type == RotateEvent.class || type == TableMapEvent.class
                || type == QueryEvent.class || type == MariadbGtidEvent.class || type == MariadbGtidListEvent.class
                || type == XidEvent.class;
    }

    static boolean isArtificial(EventHeader header) {
        return (header.flags() & LOG_EVENT_ARTIFICIAL_F) != 0;
    }

    /** {@code {schema, table}} of a table map or rows event, or {@code null} for other events. */
    static String[] table(BinlogEvent event) {
        if (event instanceof TableMapEvent t) {
            return new String[] {t.schema(), t.table()};
        }
        if (event instanceof RowsEvent r) {
            return new String[] {r.table().database(), r.table().table()};
        }
        return null;
    }

    private static Map<EventType, Class<? extends BinlogEvent>> types() {
        Map<EventType, Class<? extends BinlogEvent>> m = new EnumMap<>(EventType.class);
        m.put(EventType.FORMAT_DESCRIPTION_EVENT, FormatDescriptionEvent.class);
        m.put(EventType.ROTATE_EVENT, RotateEvent.class);
        m.put(EventType.QUERY_EVENT, QueryEvent.class);
        m.put(EventType.XID_EVENT, XidEvent.class);
        m.put(EventType.TABLE_MAP_EVENT, TableMapEvent.class);
        m.put(EventType.WRITE_ROWS_EVENT_V1, WriteRowsEvent.class);
        m.put(EventType.WRITE_ROWS_EVENT, WriteRowsEvent.class);
        m.put(EventType.UPDATE_ROWS_EVENT_V1, UpdateRowsEvent.class);
        m.put(EventType.UPDATE_ROWS_EVENT, UpdateRowsEvent.class);
        m.put(EventType.PARTIAL_UPDATE_ROWS_EVENT, UpdateRowsEvent.class);
        m.put(EventType.DELETE_ROWS_EVENT_V1, DeleteRowsEvent.class);
        m.put(EventType.DELETE_ROWS_EVENT, DeleteRowsEvent.class);
        m.put(EventType.INTVAR_EVENT, IntVarEvent.class);
        m.put(EventType.RAND_EVENT, RandEvent.class);
        m.put(EventType.USER_VAR_EVENT, UserVarEvent.class);
        m.put(EventType.HEARTBEAT_LOG_EVENT, HeartbeatEvent.class);
        m.put(EventType.STOP_EVENT, StopEvent.class);
        m.put(EventType.MARIADB_ANNOTATE_ROWS_EVENT, MariadbAnnotateRowsEvent.class);
        m.put(EventType.MARIADB_BINLOG_CHECKPOINT_EVENT, MariadbBinlogCheckpointEvent.class);
        m.put(EventType.MARIADB_GTID_EVENT, MariadbGtidEvent.class);
        m.put(EventType.MARIADB_GTID_LIST_EVENT, MariadbGtidListEvent.class);
        for (EventType t : EventType.values()) {
            if (t != t.uncompressed() && m.containsKey(t.uncompressed())) {
                m.put(t, m.get(t.uncompressed())); // MariaDB's compressed QUERY and rows events
            }
        }
        return m;
    }
}
