package org.mysqlreplication.schema;

import java.util.List;

/**
 * Where a {@link SchemaHistory} keeps its records: each DDL statement the reader applied, with the binlog position
 * after it and the tables as they are after it, plus snapshots taken from the server. A reader restarted from a
 * saved position reads them back and has the schema of that position, as Debezium's schema history topic does.
 *
 * <p>Records are only appended, in binlog order. Implementations say whether they are thread-safe; a reader calls
 * its store from its one decoding thread.
 */
public interface SchemaHistoryStore {

    /** Appends a record after those already stored. */
    void append(SchemaHistoryRecord record);

    /** Every stored record, in the order appended. */
    List<SchemaHistoryRecord> records();
}
