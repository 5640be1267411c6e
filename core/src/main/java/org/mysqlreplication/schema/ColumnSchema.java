package org.mysqlreplication.schema;

import java.util.Objects;
import org.mysqlreplication.value.CollationNames;
import org.mysqlreplication.value.ColumnDef;

/**
 * One column of a table: its name (or {@code null} when neither TABLE_MAP metadata nor the server could say), its
 * {@link ColumnDef}, whether it is nullable, and its collation's name.
 *
 * <p>Immutable and thread-safe.
 *
 * @param collationName the collation's name as the server names it (python-mysql-replication's
 *                      {@code column.collation_name}): the name of the TABLE_MAP's collation id on the server
 *                      flavour that wrote the binlog, else the one the server's {@code information_schema} or the
 *                      schema history gives; {@code null} when not known, and for columns without a collation
 */
public record ColumnSchema(String name, ColumnDef def, boolean nullable, String collationName) {

    public ColumnSchema {
        Objects.requireNonNull(def, "def");
    }

    /** A column whose collation is named as a MySQL server names {@code def}'s collation id. */
    public ColumnSchema(String name, ColumnDef def, boolean nullable) {
        this(name, def, nullable, CollationNames.mysql(def.collationId()));
    }

    /**
     * The column's character set ({@code utf8mb4}, {@code latin1}; {@code binary} for binary strings; python's
     * {@code column.character_set_name}), from its collation id, else from its collation's name; {@code null}
     * when neither is known (and for columns without a character set, such as numbers).
     */
    public String characterSetName() {
        String fromId = Charsets.ofCollationId(def.collationId());
        return fromId != null ? fromId : Charsets.ofCollation(collationName);
    }
}
