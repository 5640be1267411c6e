package org.mysqlreplication.schema;

import java.util.Objects;

/**
 * How a table's schema disagrees with its TABLE_MAP event: which table and column, what the binlog says, what the
 * schema says and where the schema came from. Holds type descriptions only, never a row value.
 *
 * @param table   {@code database.table}
 * @param column  the 1-based column number, 0 when the column counts differ
 * @param name    the column's name in the schema, {@code null} when the counts differ
 * @param binlog  what the TABLE_MAP says
 * @param schema  what the schema says
 * @param source  where the schema came from ({@code "the schema history"}, {@code "information_schema"})
 *
 * <p>Immutable and thread-safe.
 */
public record SchemaMismatch(String table, int column, String name, String binlog, String schema, String source) {

    public SchemaMismatch {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(binlog, "binlog");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(source, "source");
    }

    /** The whole story: what disagrees, both sides, and what to do about it. */
    public String message() {
        String where = column == 0 ? "table " + table : "table " + table + " column " + column + " (" + name + ")";
        return where + ": the binlog's TABLE_MAP says " + binlog + ", " + source + " says " + schema
                + "; the schema is not the table's schema when the event was written, so the row cannot be named"
                + " safely. Set binlog_row_metadata=FULL on the server (names come with every event), or read with"
                + " a schema history (schemaHistory(...)) kept from a position where the schema was known, or"
                + " accept positional names (SchemaMismatchPolicy.POSITIONAL_NAMES)";
    }
}
