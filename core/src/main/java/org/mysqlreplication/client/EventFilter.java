package org.mysqlreplication.client;

import java.util.Set;
import org.mysqlreplication.event.BinlogEvent;

/**
 * The user's only/ignored choices of {@link BinLogStreamReaderConfig}: which event classes, schemas and
 * tables to deliver. Schema and table choices apply to table maps and row events, as in
 * python-mysql-replication; other events pass them.
 *
 * <p>Immutable and thread-safe.
 */
final class EventFilter {

    private final Set<Class<? extends BinlogEvent>> onlyEvents;
    private final Set<Class<? extends BinlogEvent>> ignoredEvents;
    private final Set<String> onlySchemas;
    private final Set<String> ignoredSchemas;
    private final Set<String> onlyTables;
    private final Set<String> ignoredTables;
    private final Long skipToTimestamp;

    EventFilter(BinLogStreamReaderConfig c) {
        this.onlyEvents = c.onlyEvents();
        this.ignoredEvents = c.ignoredEvents();
        this.onlySchemas = c.onlySchemas();
        this.ignoredSchemas = c.ignoredSchemas();
        this.onlyTables = c.onlyTables();
        this.ignoredTables = c.ignoredTables();
        this.skipToTimestamp = c.skipToTimestamp();
    }

    /** Whether events of this class are delivered at all (before anything is decoded). */
    boolean acceptsClass(Class<? extends BinlogEvent> type) {
        if (ignoredEvents.contains(type)) {
            return false;
        }
        return onlyEvents == null || onlyEvents.contains(type);
    }

    /** Whether any schema or table choice was made (when not, every table is accepted). */
    boolean filtersTables() {
        return onlySchemas != null || onlyTables != null || !ignoredSchemas.isEmpty() || !ignoredTables.isEmpty();
    }

    /** Whether a table's table map and row events are delivered. */
    boolean acceptsTable(String schema, String table) {
        if (ignoredSchemas.contains(schema) || matches(ignoredTables, schema, table)) {
            return false;
        }
        if (onlySchemas != null && !onlySchemas.contains(schema)) {
            return false;
        }
        return onlyTables == null || matches(onlyTables, schema, table);
    }

    /** Whether an event written at this time (epoch seconds) is delivered. */
    boolean acceptsTimestamp(long timestamp) {
        return skipToTimestamp == null || timestamp >= skipToTimestamp;
    }

    private static boolean matches(Set<String> names, String schema, String table) {
        return !names.isEmpty() && (names.contains(table) || names.contains(schema + "." + table));
    }
}
