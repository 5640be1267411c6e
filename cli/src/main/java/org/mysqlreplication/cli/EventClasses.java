package org.mysqlreplication.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mysqlreplication.event.BeginLoadQueryEvent;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.HeartbeatEvent;
import org.mysqlreplication.event.RowsQueryEvent;
import org.mysqlreplication.event.UnknownEvent;
import org.mysqlreplication.event.decode.EventRegistry;

/**
 * The event record classes by name, for {@code --only-events}: each class's simple name, from the library's
 * {@link EventRegistry} (every class an event type decodes to) and {@link UnknownEvent}, and the title its dump prints where that differs ({@code === HeartbeatLogEvent ===}
 * for {@link HeartbeatEvent}: python-mysql-replication's names). Names match ignoring case, which also covers the
 * titles that differ from the class name in case only ({@code MariadbBinLogCheckPointEvent}, {@code IntvarEvent},
 * {@code XAPrepareEvent}). {@code EventClassesTest} checks every title the fixture corpus prints.
 *
 * <p>Immutable and thread-safe.
 */
final class EventClasses {

    /** Dump titles that differ from their class's simple name by more than case. */
    private static final Map<String, Class<? extends BinlogEvent>> DUMP_TITLES = Map.of(
            "HeartbeatLogEvent", HeartbeatEvent.class,
            "RowsQueryLogEvent", RowsQueryEvent.class,
            "NotImplementedEvent", UnknownEvent.class,
            "AppendBlockEvent", BeginLoadQueryEvent.class);

    private static final Map<String, Class<? extends BinlogEvent>> CLASSES = collect();

    private static final Map<String, Class<? extends BinlogEvent>> BY_NAME = index();

    private EventClasses() {}

    /** The class of this class name or dump title, ignoring case; {@code null} if none. */
    static Class<? extends BinlogEvent> byName(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    /** The class names, sorted. */
    static List<String> names() {
        return new ArrayList<>(CLASSES.keySet());
    }

    private static Map<String, Class<? extends BinlogEvent>> collect() {
        Map<String, Class<? extends BinlogEvent>> map = new TreeMap<>();
        for (Class<? extends BinlogEvent> type : EventRegistry.recordClasses()) {
            map.put(type.getSimpleName(), type);
        }
        map.put(UnknownEvent.class.getSimpleName(), UnknownEvent.class);
        return map;
    }

    private static Map<String, Class<? extends BinlogEvent>> index() {
        Map<String, Class<? extends BinlogEvent>> map = new TreeMap<>();
        CLASSES.forEach((name, type) -> map.put(name.toLowerCase(Locale.ROOT), type));
        DUMP_TITLES.forEach((name, type) -> map.put(name.toLowerCase(Locale.ROOT), type));
        return map;
    }
}
