package org.mysqlreplication.schema;

import java.util.Objects;

/**
 * A table's database and name, as the server compares them (case-sensitive, as with
 * {@code lower_case_table_names=0}); either may contain any character, dots included.
 *
 * <p>Immutable and thread-safe.
 */
public record TableName(String database, String table) {

    public TableName {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
    }

    @Override
    public String toString() {
        return database + "." + table;
    }
}
