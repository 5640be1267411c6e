package org.mysqlreplication.event.decode;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.mysqlreplication.event.BinlogEvent;
import org.mysqlreplication.event.RowsEvent;
import org.mysqlreplication.event.TableMapEvent;

/**
 * Which events a reader hands out: by record class (only / ignored), by schema and table (only / ignored; they
 * apply to table maps and rows events, as in python-mysql-replication, and other events pass them) and by time
 * (events written before a timestamp are dropped). The {@link EventReader} asks it twice: before decoding, from the
 * header and the rows event's table id, so that unwanted rows are never decoded; and after decoding, for the
 * events that were decoded anyway because they carry stream state ({@link EventRegistry#carriesState}).
 *
 * <p>Immutable and thread-safe.
 */
public final class EventSelector {

    /** Every event. */
    public static final EventSelector ALL = builder().build();

    private final Set<Class<? extends BinlogEvent>> onlyEvents;
    private final Set<Class<? extends BinlogEvent>> ignoredEvents;
    private final Set<String> onlySchemas;
    private final Set<String> ignoredSchemas;
    private final Set<String> onlyTables;
    private final Set<String> ignoredTables;
    private final Long skipToTimestamp;

    private EventSelector(Builder b) {
        this.onlyEvents = b.onlyEvents == null ? null : Set.copyOf(b.onlyEvents);
        this.ignoredEvents = Set.copyOf(b.ignoredEvents);
        this.onlySchemas = b.onlySchemas == null ? null : Set.copyOf(b.onlySchemas);
        this.ignoredSchemas = Set.copyOf(b.ignoredSchemas);
        this.onlyTables = b.onlyTables == null ? null : Set.copyOf(b.onlyTables);
        this.ignoredTables = Set.copyOf(b.ignoredTables);
        this.skipToTimestamp = b.skipToTimestamp;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The event classes to hand out, or {@code null} for all. */
    public Set<Class<? extends BinlogEvent>> onlyEvents() {
        return onlyEvents;
    }

    public Set<Class<? extends BinlogEvent>> ignoredEvents() {
        return ignoredEvents;
    }

    /** The schemas whose table maps and rows to hand out, or {@code null} for all. */
    public Set<String> onlySchemas() {
        return onlySchemas;
    }

    public Set<String> ignoredSchemas() {
        return ignoredSchemas;
    }

    /** The tables ({@code name} or {@code schema.name}) whose table maps and rows to hand out, or {@code null}. */
    public Set<String> onlyTables() {
        return onlyTables;
    }

    public Set<String> ignoredTables() {
        return ignoredTables;
    }

    /** Events written before this time (epoch seconds) are dropped; {@code null} for none. */
    public Long skipToTimestamp() {
        return skipToTimestamp;
    }

    /** Whether events of this class are handed out at all (asked before anything is decoded). */
    public boolean acceptsClass(Class<? extends BinlogEvent> type) {
        if (ignoredEvents.contains(type)) {
            return false;
        }
        return onlyEvents == null || onlyEvents.contains(type);
    }

    /** Whether any schema or table choice was made (when not, every table is accepted). */
    public boolean filtersTables() {
        return onlySchemas != null || onlyTables != null || !ignoredSchemas.isEmpty() || !ignoredTables.isEmpty();
    }

    /** Whether a table's table map and rows events are handed out. */
    public boolean acceptsTable(String schema, String table) {
        if (ignoredSchemas.contains(schema) || matches(ignoredTables, schema, table)) {
            return false;
        }
        if (onlySchemas != null && !onlySchemas.contains(schema)) {
            return false;
        }
        return onlyTables == null || matches(onlyTables, schema, table);
    }

    /** Whether an event written at this time (epoch seconds) is handed out. */
    public boolean acceptsTimestamp(long timestamp) {
        return skipToTimestamp == null || timestamp >= skipToTimestamp;
    }

    /** Whether a decoded event is handed out: its class, its time and, for table maps and rows, its table. */
    public boolean accepts(BinlogEvent event) {
        if (!acceptsClass(event.getClass()) || !acceptsTimestamp(event.header().timestamp())) {
            return false;
        }
        if (!filtersTables()) {
            return true;
        }
        if (event instanceof TableMapEvent t) {
            return acceptsTable(t.schema(), t.table());
        }
        if (event instanceof RowsEvent r) {
            return acceptsTable(r.table().database(), r.table().table());
        }
        return true;
    }

    private static boolean matches(Set<String> names, String schema, String table) {
        return !names.isEmpty() && (names.contains(table) || names.contains(schema + "." + table));
    }

    @Override
    public String toString() {
        return "EventSelector[onlyEvents=" + onlyEvents + ", ignoredEvents=" + ignoredEvents + ", onlySchemas="
                + onlySchemas + ", ignoredSchemas=" + ignoredSchemas + ", onlyTables=" + onlyTables
                + ", ignoredTables=" + ignoredTables + ", skipToTimestamp=" + skipToTimestamp + "]";
    }

    /** Builds an {@link EventSelector}; by default every event. Not thread-safe. */
    public static final class Builder {
        private Set<Class<? extends BinlogEvent>> onlyEvents;
        private Set<Class<? extends BinlogEvent>> ignoredEvents = Set.of();
        private Set<String> onlySchemas;
        private Set<String> ignoredSchemas = Set.of();
        private Set<String> onlyTables;
        private Set<String> ignoredTables = Set.of();
        private Long skipToTimestamp;

        private Builder() {}

        /** Only events of these classes ({@code null} for all). */
        public Builder onlyEvents(Set<Class<? extends BinlogEvent>> types) {
            this.onlyEvents = types == null ? null : new LinkedHashSet<>(types);
            return this;
        }

        @SafeVarargs
        public final Builder onlyEvents(Class<? extends BinlogEvent>... types) {
            return onlyEvents(new LinkedHashSet<>(Arrays.asList(types)));
        }

        public Builder ignoredEvents(Set<Class<? extends BinlogEvent>> types) {
            this.ignoredEvents = Objects.requireNonNull(types, "types");
            return this;
        }

        /** Only table maps and rows of these schemas ({@code null} for all). */
        public Builder onlySchemas(Set<String> schemas) {
            this.onlySchemas = schemas;
            return this;
        }

        public Builder ignoredSchemas(Set<String> schemas) {
            this.ignoredSchemas = Objects.requireNonNull(schemas, "schemas");
            return this;
        }

        /** Only table maps and rows of these tables, {@code name} or {@code schema.name} ({@code null} for all). */
        public Builder onlyTables(Set<String> tables) {
            this.onlyTables = tables;
            return this;
        }

        public Builder ignoredTables(Set<String> tables) {
            this.ignoredTables = Objects.requireNonNull(tables, "tables");
            return this;
        }

        /** Drop events written before this time, epoch seconds ({@code null} for none). */
        public Builder skipToTimestamp(Long epochSeconds) {
            this.skipToTimestamp = epochSeconds;
            return this;
        }

        public EventSelector build() {
            return new EventSelector(this);
        }
    }
}
