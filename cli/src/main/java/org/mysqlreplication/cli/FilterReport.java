package org.mysqlreplication.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.RowsEvent;
import org.mysqlreplication.event.TableMapEvent;

/**
 * Warns on stderr, when the command ends, about filters that matched nothing ({@code --only-tables nosuch} prints
 * no row at all, which looks the same as an empty binlog): the schema and table filters when no table map or rows
 * event was printed although the event filter let them through, and any filter when no event was printed.
 *
 * <p>Not thread-safe: one per command run.
 */
final class FilterReport {

    private final List<String> tableFilters;
    private final List<String> allFilters;
    private final boolean tableEventsWanted;
    private long events;
    private long tableEvents;

    /**
     * @param tableFilters the schema and table options given, as typed ({@code --only-tables nosuch})
     * @param otherFilters the other filter options given
     * @param onlyEvents   the classes of {@code --only-events}, or {@code null}
     */
    FilterReport(List<String> tableFilters, List<String> otherFilters, Set<Class<? extends BinlogEvent>> onlyEvents) {
        this.tableFilters = List.copyOf(tableFilters);
        List<String> all = new ArrayList<>(otherFilters);
        all.addAll(tableFilters);
        this.allFilters = List.copyOf(all);
        this.tableEventsWanted = onlyEvents == null || onlyEvents.stream().anyMatch(FilterReport::isTableEvent);
    }

    /** Counts a printed event. */
    void printed(BinlogEvent event) {
        events++;
        if (isTableEvent(event.getClass())) {
            tableEvents++;
        }
    }

    /** Prints the warnings, if any. */
    void warn(PrintWriter err) {
        if (events == 0 && !allFilters.isEmpty()) {
            err.println(Main.NAME + ": warning: no event matched " + String.join(" ", allFilters));
        } else if (tableEvents == 0 && tableEventsWanted && !tableFilters.isEmpty()) {
            err.println(Main.NAME + ": warning: no table map or rows event matched " + String.join(" ", tableFilters));
        }
        err.flush();
    }

    private static boolean isTableEvent(Class<?> type) {
        return TableMapEvent.class.isAssignableFrom(type) || RowsEvent.class.isAssignableFrom(type);
    }
}
