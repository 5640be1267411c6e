package org.mysqlreplication.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SchemaHistoryStore} in memory: lives as long as the object (for one reader, or tests; a reader
 * restarted in another process needs a {@link FileSchemaHistoryStore}).
 *
 * <p>Thread-safe.
 */
public final class InMemorySchemaHistoryStore implements SchemaHistoryStore {

    private final List<SchemaHistoryRecord> records = new ArrayList<>();

    @Override
    public synchronized void append(SchemaHistoryRecord record) {
        records.add(record);
    }

    @Override
    public synchronized List<SchemaHistoryRecord> records() {
        return List.copyOf(records);
    }
}
