package org.mysqlreplication.schema;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A model of every table's columns that follows the binlog: each DDL statement read from a QUERY event is parsed
 * and applied ({@link #apply}), and what it left is appended to a {@link SchemaHistoryStore} with the position
 * after it. So a row can be decoded with the schema its table had when the row was written, and a reader
 * restarted from a saved position {@link #restore restores} the schema of that position from the store.
 *
 * <p>Where it starts: a reader that starts at the server's current position takes a {@link #snapshot} of the
 * server's tables ({@code information_schema}) there; one that starts at an older position with a stored
 * history restores it as of that position; with neither, the history knows only the tables whose CREATE it
 * reads, and for the others the TABLE_MAP check guards whatever source is asked.
 *
 * <p>What it cannot follow for sure it marks unknown, never guesses: a table changed by DDL the parser does not
 * understand, an ALTER of a table it never had, a failed statement. {@link #table} then says {@code null}, as for
 * a table it never saw. Every definition it gives is still checked against each TABLE_MAP ({@link TableMapCheck})
 * before its names are used.
 *
 * <p>Not thread-safe: one reader's decoding thread uses it.
 */
public final class SchemaHistory {

    /**
     * A statement as a QUERY event gives it: its text, the default database, and the status variables that change
     * how it is read (sql_mode: ANSI_QUOTES; collation_server: the default charset of a new database).
     *
     * @param errorCode the error the statement ended with on the server (0: none; else it changed nothing for sure)
     */
    public record Statement(String sql, String defaultSchema, Long sqlMode, Integer collationServer, int errorCode) {
        public Statement {
            Objects.requireNonNull(sql, "sql");
        }
    }

    private final SchemaHistoryStore store;
    private final SchemaModel model = new SchemaModel();
    private final Set<String> stored = new HashSet<>();

    public SchemaHistory(SchemaHistoryStore store) {
        this.store = Objects.requireNonNull(store, "store");
        for (SchemaHistoryRecord r : store.records()) {
            stored.add(key(r.binlogFile(), r.position(), r.snapshot()));
        }
    }

    /** Whether the store holds no record yet. */
    public boolean isEmpty() {
        return store.records().isEmpty();
    }

    /** Sets the model to the stored records at or before {@code file}/{@code position}. */
    public void restore(String file, long position) {
        List<SchemaHistoryRecord> records = store.records();
        SchemaModel fresh = new SchemaModel();
        for (SchemaHistoryRecord r : records) {
            if (r.atOrBefore(file, position)) {
                fresh.replay(r);
            }
        }
        model.replay(fresh.snapshot(file, position));
    }

    /** Sets the model to what the server says at {@code file}/{@code position}, and stores it as a snapshot. */
    public void snapshot(String file, long position, List<DatabaseDefinition> databases, List<TableDefinition> tables) {
        SchemaHistoryRecord r =
                new SchemaHistoryRecord(file, position, null, true, databases, List.of(), tables, List.of(), List.of());
        model.replay(r);
        if (stored.add(key(file, position, true))) {
            store.append(r);
        }
    }

    /**
     * Applies the statement of a QUERY event that ended at {@code file}/{@code nextPosition} (the position of the
     * event after it); statements that change no table are passed over. A statement whose record the store
     * already has (a reader restarted before it) is applied but not stored again.
     *
     * @return whether the model changed
     */
    public boolean apply(Statement query, String file, long nextPosition) {
        Long sqlMode = query.sqlMode();
        DdlStatement s = DdlParser.parse(query.sql(), query.defaultSchema(), sqlMode == null ? 0 : sqlMode);
        if (s instanceof DdlStatement.Ignored) {
            return false;
        }
        Integer server = query.collationServer();
        DdlApplier applier = new DdlApplier(model, server == null ? null : Charsets.ofCollationId(server));
        if (query.errorCode() != 0) {
            applier.failed(s);
        } else {
            applier.apply(s);
        }
        SchemaHistoryRecord r = model.takeChanges(file, nextPosition, query.sql());
        if (r == null) {
            return false;
        }
        if (stored.add(key(file, nextPosition, false))) {
            store.append(r);
        }
        return true;
    }

    /** The definition of a table as of the last statement applied; {@code null} when not known or unknown. */
    public TableDefinition table(String database, String table) {
        return model.table(new TableName(database, table));
    }

    /** Whether the table exists in the model but its definition is unknown (DDL the parser did not follow). */
    public boolean isUnknown(String database, String table) {
        return model.isUnknown(new TableName(database, table));
    }

    private static String key(String file, long position, boolean snapshot) {
        return (snapshot ? "s:" : "d:") + file + ":" + position;
    }
}
