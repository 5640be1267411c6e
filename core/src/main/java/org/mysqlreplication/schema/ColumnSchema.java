package org.mysqlreplication.schema;

import java.util.Objects;
import org.mysqlreplication.value.ColumnDef;

/**
 * One column of a table: its name (or {@code null} when neither TABLE_MAP metadata nor the server could say)
 * and its {@link ColumnDef}.
 *
 * <p>Immutable and thread-safe.
 */
public record ColumnSchema(String name, ColumnDef def, boolean nullable) {

    public ColumnSchema {
        Objects.requireNonNull(def, "def");
    }
}
