package org.mysqlreplication.schema;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The schema history's model of the server at one position: databases with their default charsets, tables
 * with their definitions, and tables known to exist whose definition is unknown (changed by DDL the parser did
 * not understand). Changes go through {@link #put}, {@link #drop}, {@link #markUnknown} and the database
 * methods, which remember what they touched, so that {@link #takeChanges} can say what one statement left.
 *
 * <p>Not thread-safe.
 */
final class SchemaModel {

    private final Map<String, DatabaseDefinition> databases = new HashMap<>();
    private final Map<TableName, TableDefinition> tables = new HashMap<>();
    private final Set<TableName> unknown = new HashSet<>();
    private final Set<TableName> touchedTables = new LinkedHashSet<>();
    private final Set<String> touchedDatabases = new LinkedHashSet<>();

    TableDefinition table(TableName name) {
        return tables.get(name);
    }

    boolean isUnknown(TableName name) {
        return unknown.contains(name);
    }

    boolean exists(TableName name) {
        return tables.containsKey(name) || unknown.contains(name);
    }

    DatabaseDefinition database(String name) {
        return databases.get(name);
    }

    Set<TableName> tableNames() {
        return Set.copyOf(tables.keySet());
    }

    void put(TableDefinition table) {
        TableName name = new TableName(table.database(), table.table());
        tables.put(name, table);
        unknown.remove(name);
        touchedTables.add(name);
    }

    void drop(TableName name) {
        tables.remove(name);
        unknown.remove(name);
        touchedTables.add(name);
    }

    void markUnknown(TableName name) {
        tables.remove(name);
        unknown.add(name);
        touchedTables.add(name);
    }

    void putDatabase(DatabaseDefinition db) {
        databases.put(db.name(), db);
        touchedDatabases.add(db.name());
    }

    void dropDatabase(String name) {
        databases.remove(name);
        touchedDatabases.add(name);
        for (TableName t : List.copyOf(tables.keySet())) {
            if (t.database().equals(name)) {
                drop(t);
            }
        }
        for (TableName t : List.copyOf(unknown)) {
            if (t.database().equals(name)) {
                drop(t);
            }
        }
    }

    /** What the changes since the last call left, as a record at {@code file}/{@code position}; null if none. */
    SchemaHistoryRecord takeChanges(String file, long position, String ddl) {
        if (touchedTables.isEmpty() && touchedDatabases.isEmpty()) {
            return null;
        }
        List<DatabaseDefinition> dbs = touchedDatabases.stream()
                .filter(databases::containsKey)
                .map(databases::get)
                .toList();
        List<String> droppedDbs =
                touchedDatabases.stream().filter(d -> !databases.containsKey(d)).toList();
        List<TableDefinition> changed = touchedTables.stream()
                .filter(tables::containsKey)
                .map(tables::get)
                .toList();
        List<TableName> unknownNow =
                touchedTables.stream().filter(unknown::contains).toList();
        List<TableName> dropped = touchedTables.stream().filter(t -> !exists(t)).toList();
        touchedTables.clear();
        touchedDatabases.clear();
        return new SchemaHistoryRecord(file, position, ddl, false, dbs, droppedDbs, changed, dropped, unknownNow);
    }

    /** Sets what {@code record} says (a snapshot replaces everything). */
    void replay(SchemaHistoryRecord record) {
        if (record.snapshot()) {
            databases.clear();
            tables.clear();
            unknown.clear();
        }
        for (String db : record.droppedDatabases()) {
            dropDatabase(db);
        }
        record.databases().forEach(this::putDatabase);
        record.droppedTables().forEach(this::drop);
        record.tables().forEach(this::put);
        record.unknownTables().forEach(this::markUnknown);
        touchedTables.clear();
        touchedDatabases.clear();
    }

    /** Everything, as a snapshot record. */
    SchemaHistoryRecord snapshot(String file, long position) {
        return new SchemaHistoryRecord(
                file,
                position,
                null,
                true,
                List.copyOf(databases.values()),
                List.of(),
                List.copyOf(tables.values()),
                List.of(),
                List.copyOf(unknown));
    }
}
