package org.mysqlreplication.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mysqlreplication.protocol.ServerConnection;
import org.mysqlreplication.schema.ColumnDefinition;
import org.mysqlreplication.schema.DatabaseDefinition;
import org.mysqlreplication.schema.TableDefinition;

/**
 * Every user database and table as the server's {@code information_schema} describes it now: what a schema
 * history starts from when a reader starts at the server's current position. Three queries (SCHEMATA, TABLES,
 * COLUMNS), system schemas left out.
 *
 * <p>Stateless and thread-safe (the connection is the caller's).
 */
final class InformationSchemaSnapshot {

    static final String SYSTEM = "('mysql','information_schema','performance_schema','sys')";

    record Snapshot(List<DatabaseDefinition> databases, List<TableDefinition> tables) {}

    private InformationSchemaSnapshot() {}

    static Snapshot take(ServerConnection c) {
        List<DatabaseDefinition> databases = new ArrayList<>();
        for (List<String> r : c.query("SELECT SCHEMA_NAME, DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME"
                        + " FROM information_schema.SCHEMATA WHERE SCHEMA_NAME NOT IN " + SYSTEM)
                .rows()) {
            databases.add(new DatabaseDefinition(r.get(0), r.get(1), r.get(2)));
        }
        Map<String, String[]> tableCollations = new LinkedHashMap<>();
        for (List<String> r : c.query("SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_COLLATION FROM information_schema.TABLES"
                        + " WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA NOT IN " + SYSTEM)
                .rows()) {
            tableCollations.put(r.get(0) + "\u0000" + r.get(1), new String[] {r.get(0), r.get(1), r.get(2)});
        }
        Map<String, List<ColumnDefinition>> columns = new LinkedHashMap<>();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (List<String> r : c.query("SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE,"
                        + " COLUMN_KEY, CHARACTER_SET_NAME, COLLATION_NAME FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA NOT IN " + SYSTEM
                        + " ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION")
                .rows()) {
            String key = r.get(0) + "\u0000" + r.get(1);
            if (!tableCollations.containsKey(key)) {
                continue; // a view
            }
            columns.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(ColumnDefinition.ofColumnType(r.get(2), r.get(3), r.get(6), r.get(7), "YES".equals(r.get(4))));
            if ("PRI".equals(r.get(5))) {
                keys.computeIfAbsent(key, k -> new ArrayList<>()).add(r.get(2));
            }
        }
        List<TableDefinition> tables = new ArrayList<>();
        for (Map.Entry<String, String[]> t : tableCollations.entrySet()) {
            String[] v = t.getValue();
            String collation = v[2];
            String charset = collation == null ? null : collation.split("_", 2)[0];
            tables.add(new TableDefinition(
                    v[0],
                    v[1],
                    columns.getOrDefault(t.getKey(), List.of()),
                    keys.getOrDefault(t.getKey(), List.of()),
                    charset,
                    collation));
        }
        return new Snapshot(databases, tables);
    }
}
