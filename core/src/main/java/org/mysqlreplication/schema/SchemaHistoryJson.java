package org.mysqlreplication.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.mysqlreplication.value.json.JsonText;

/**
 * A {@link SchemaHistoryRecord} as one line of JSON (the file format of {@link FileSchemaHistoryStore}):
 * {@code {"file":..,"position":..,"ddl":..,"snapshot":..,"databases":[..],"droppedDatabases":[..],
 * "tables":[{"database":..,"table":..,"charset":..,"collation":..,"primaryKey":[..],"columns":[{"name":..,
 * "type":..,"length":..,"precision":..,"scale":..,"fsp":..,"unsigned":..,"charset":..,"collation":..,
 * "labels":[..],"nullable":..}]}],"droppedTables":[{"database":..,"table":..}],"unknownTables":[..]}}.
 *
 * <p>Stateless and thread-safe.
 */
final class SchemaHistoryJson {

    private SchemaHistoryJson() {}

    static String write(SchemaHistoryRecord r) {
        StringBuilder b = new StringBuilder(256);
        b.append("{\"file\":")
                .append(JsonText.quote(r.binlogFile()))
                .append(",\"position\":")
                .append(r.position())
                .append(",\"ddl\":")
                .append(JsonText.quote(r.ddl()))
                .append(",\"snapshot\":")
                .append(r.snapshot())
                .append(",\"databases\":");
        list(
                b,
                r.databases(),
                d -> "{\"name\":" + JsonText.quote(d.name()) + ",\"charset\":" + JsonText.quote(d.defaultCharset())
                        + ",\"collation\":" + JsonText.quote(d.defaultCollation()) + "}");
        b.append(",\"droppedDatabases\":");
        list(b, r.droppedDatabases(), JsonText::quote);
        b.append(",\"tables\":");
        list(b, r.tables(), SchemaHistoryJson::table);
        b.append(",\"droppedTables\":");
        list(b, r.droppedTables(), SchemaHistoryJson::name);
        b.append(",\"unknownTables\":");
        list(b, r.unknownTables(), SchemaHistoryJson::name);
        return b.append('}').toString();
    }

    private static <T> void list(StringBuilder b, List<T> items, Function<T, String> one) {
        b.append('[');
        for (int k = 0; k < items.size(); k++) {
            b.append(k == 0 ? "" : ",").append(one.apply(items.get(k)));
        }
        b.append(']');
    }

    private static String name(TableName n) {
        return "{\"database\":" + JsonText.quote(n.database()) + ",\"table\":" + JsonText.quote(n.table()) + "}";
    }

    private static String table(TableDefinition t) {
        StringBuilder b = new StringBuilder();
        b.append("{\"database\":")
                .append(JsonText.quote(t.database()))
                .append(",\"table\":")
                .append(JsonText.quote(t.table()))
                .append(",\"charset\":")
                .append(JsonText.quote(t.defaultCharset()))
                .append(",\"collation\":")
                .append(JsonText.quote(t.defaultCollation()))
                .append(",\"primaryKey\":");
        list(b, t.primaryKey(), JsonText::quote);
        b.append(",\"columns\":");
        list(b, t.columns(), SchemaHistoryJson::column);
        return b.append('}').toString();
    }

    private static String column(ColumnDefinition c) {
        StringBuilder b = new StringBuilder();
        b.append("{\"name\":")
                .append(JsonText.quote(c.name()))
                .append(",\"type\":")
                .append(JsonText.quote(c.dataType()))
                .append(",\"length\":")
                .append(c.length())
                .append(",\"precision\":")
                .append(c.precision())
                .append(",\"scale\":")
                .append(c.scale())
                .append(",\"fsp\":")
                .append(c.fsp())
                .append(",\"unsigned\":")
                .append(c.unsigned())
                .append(",\"charset\":")
                .append(JsonText.quote(c.charset()))
                .append(",\"collation\":")
                .append(JsonText.quote(c.collation()))
                .append(",\"labels\":");
        list(b, c.labels(), JsonText::quote);
        return b.append(",\"nullable\":").append(c.nullable()).append('}').toString();
    }

    /** @throws IllegalArgumentException when the line is not a record */
    @SuppressWarnings("unchecked")
    static SchemaHistoryRecord read(String line) {
        Map<String, Object> m = (Map<String, Object>) JsonText.parse(line);
        List<DatabaseDefinition> databases = new ArrayList<>();
        for (Object o : list(m, "databases")) {
            Map<String, Object> d = (Map<String, Object>) o;
            databases.add(new DatabaseDefinition(str(d, "name"), str(d, "charset"), str(d, "collation")));
        }
        List<String> droppedDatabases =
                list(m, "droppedDatabases").stream().map(String.class::cast).toList();
        List<TableDefinition> tables = list(m, "tables").stream()
                .map(o -> table((Map<String, Object>) o))
                .toList();
        return new SchemaHistoryRecord(
                str(m, "file"),
                num(m, "position"),
                str(m, "ddl"),
                bool(m, "snapshot"),
                databases,
                droppedDatabases,
                tables,
                names(list(m, "droppedTables")),
                names(list(m, "unknownTables")));
    }

    @SuppressWarnings("unchecked")
    private static List<TableName> names(List<Object> items) {
        return items.stream()
                .map(o -> {
                    Map<String, Object> n = (Map<String, Object>) o;
                    return new TableName(str(n, "database"), str(n, "table"));
                })
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static TableDefinition table(Map<String, Object> t) {
        List<ColumnDefinition> columns = new ArrayList<>();
        for (Object o : list(t, "columns")) {
            Map<String, Object> c = (Map<String, Object>) o;
            columns.add(new ColumnDefinition(
                    str(c, "name"),
                    str(c, "type"),
                    (int) num(c, "length"),
                    (int) num(c, "precision"),
                    (int) num(c, "scale"),
                    (int) num(c, "fsp"),
                    bool(c, "unsigned"),
                    str(c, "charset"),
                    str(c, "collation"),
                    list(c, "labels").stream().map(String.class::cast).toList(),
                    bool(c, "nullable")));
        }
        return new TableDefinition(
                str(t, "database"),
                str(t, "table"),
                columns,
                list(t, "primaryKey").stream().map(String.class::cast).toList(),
                str(t, "charset"),
                str(t, "collation"));
    }

    private static String str(Map<String, Object> m, String key) {
        return (String) m.get(key);
    }

    private static long num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Long l)) {
            throw new IllegalArgumentException("\"" + key + "\" is not a number");
        }
        return l;
    }

    private static boolean bool(Map<String, Object> m, String key) {
        return Boolean.TRUE.equals(m.get(key));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? List.of() : (List<Object>) v;
    }
}
