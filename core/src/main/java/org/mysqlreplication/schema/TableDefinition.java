package org.mysqlreplication.schema;

import java.util.List;
import java.util.Objects;

/**
 * A table as its definition declares it: what the schema history keeps for each table and what
 * {@code information_schema} answers, before it is checked against a TABLE_MAP (see {@link TableMapCheck}).
 *
 * @param database         the database name
 * @param table            the table name
 * @param columns          the columns in table order (the TABLE_MAP order)
 * @param primaryKey       the names of the primary key's columns in key order; empty when there is none
 * @param defaultCharset   the table's default character set, {@code null} when not known
 * @param defaultCollation the table's default collation, {@code null} when not known
 *
 * <p>Immutable and thread-safe.
 */
public record TableDefinition(
        String database,
        String table,
        List<ColumnDefinition> columns,
        List<String> primaryKey,
        String defaultCharset,
        String defaultCollation) {

    public TableDefinition {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    /** The index of the column named {@code name} (case-insensitive, as column names are), or -1. */
    public int indexOf(String name) {
        return java.util.stream.IntStream.range(0, columns.size())
                .filter(i -> columns.get(i).name().equalsIgnoreCase(name))
                .findFirst()
                .orElse(-1);
    }

    /** {@code database.table}. */
    public String qualifiedName() {
        return database + "." + table;
    }

    TableDefinition withColumns(List<ColumnDefinition> newColumns, List<String> newPrimaryKey) {
        return new TableDefinition(database, table, newColumns, newPrimaryKey, defaultCharset, defaultCollation);
    }

    TableDefinition renamed(String newDatabase, String newTable) {
        return new TableDefinition(newDatabase, newTable, columns, primaryKey, defaultCharset, defaultCollation);
    }

    TableDefinition withDefaults(String charset, String collation) {
        return new TableDefinition(database, table, columns, primaryKey, charset, collation);
    }
}
