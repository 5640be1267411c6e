package org.mysqlreplication.event.decode;

import org.mysqlreplication.event.TableMapEvent;
import org.mysqlreplication.schema.TableSchema;

/**
 * Finds the {@link TableSchema} rows events need for a TABLE_MAP_EVENT: column names, signedness, collations,
 * ENUM/SET labels, primary key. Called once per TABLE_MAP_EVENT the decoder reads (a resolver may cache).
 *
 * <p>A resolver must keep each column's TABLE_MAP type and metadata in its {@code ColumnDef} (the row values are
 * laid out by them) and return exactly one column per TABLE_MAP column.
 *
 * <p>Implementations say whether they are thread-safe; the decoder calls them from its one decoding thread.
 */
@FunctionalInterface
public interface TableSchemaResolver {

    /** The schema of the table {@code tableMap} maps; never {@code null}. */
    TableSchema resolve(TableMapEvent tableMap);

    /**
     * The schema of the table {@code tableMap} maps, written by a server of {@code flavor} (the optional
     * metadata's SIGNEDNESS bitmap counts columns differently on MySQL and MariaDB). The decoder calls this one;
     * the default ignores the flavour.
     */
    default TableSchema resolve(TableMapEvent tableMap, ServerFlavor flavor) {
        return resolve(tableMap);
    }
}
