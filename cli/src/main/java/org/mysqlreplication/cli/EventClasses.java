package org.mysqlreplication.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mysqlreplication.event.BinlogEvent;

/** The event record classes by simple name, read from the sealed {@link BinlogEvent} hierarchy. */
final class EventClasses {

    private static final Map<String, Class<? extends BinlogEvent>> BY_NAME = collect();

    private EventClasses() {
    }

    static Class<? extends BinlogEvent> byName(String name) {
        return BY_NAME.get(name);
    }

    static List<String> names() {
        return new ArrayList<>(BY_NAME.keySet());
    }

    private static Map<String, Class<? extends BinlogEvent>> collect() {
        Map<String, Class<? extends BinlogEvent>> map = new TreeMap<>();
        addPermitted(BinlogEvent.class, map);
        return map;
    }

    @SuppressWarnings("unchecked")
    private static void addPermitted(Class<?> type, Map<String, Class<? extends BinlogEvent>> map) {
        Class<?>[] permitted = type.getPermittedSubclasses();
        if (permitted == null) {
            map.put(type.getSimpleName(), (Class<? extends BinlogEvent>) type);
            return;
        }
        for (Class<?> sub : permitted) {
            addPermitted(sub, map);
        }
    }
}
