package org.mysqlreplication.schema;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a schema history: a DDL statement and what it left, or a snapshot of every table (taken from the
 * server's {@code information_schema} where a reader started). Replaying the records up to a position gives the
 * schema at that position without parsing any DDL again.
 *
 * @param binlogFile       the binlog file of the statement (or of the snapshot's position)
 * @param position         the position after the statement's QUERY event in that file (the snapshot's position)
 * @param ddl              the statement as logged; {@code null} for a snapshot
 * @param snapshot         whether this is a snapshot: the tables and databases listed are all there are
 * @param databases        databases created or changed, with their defaults
 * @param droppedDatabases databases dropped (their tables with them)
 * @param tables           tables created or changed, as they are after the statement
 * @param droppedTables    tables dropped or renamed away
 * @param unknownTables    tables the statement changed in a way the parser did not understand: their schema is
 *                         unknown from here on, until a statement defines them again
 *
 * <p>Immutable and thread-safe.
 */
public record SchemaHistoryRecord(
        String binlogFile,
        long position,
        String ddl,
        boolean snapshot,
        List<DatabaseDefinition> databases,
        List<String> droppedDatabases,
        List<TableDefinition> tables,
        List<TableName> droppedTables,
        List<TableName> unknownTables) {

    public SchemaHistoryRecord {
        Objects.requireNonNull(binlogFile, "binlogFile");
        databases = List.copyOf(databases);
        droppedDatabases = List.copyOf(droppedDatabases);
        tables = List.copyOf(tables);
        droppedTables = List.copyOf(droppedTables);
        unknownTables = List.copyOf(unknownTables);
    }

    /**
     * Whether this record comes at or before {@code file}/{@code pos}: binlog files compare by the number after
     * their last dot (mysql-bin.000010 after mysql-bin.000009), then by position.
     */
    public boolean atOrBefore(String file, long pos) {
        int c = compareFiles(binlogFile, file);
        return c < 0 || c == 0 && position <= pos;
    }

    static int compareFiles(String a, String b) {
        int da = a.lastIndexOf('.');
        int db = b.lastIndexOf('.');
        if (da >= 0 && db >= 0 && a.substring(0, da).equals(b.substring(0, db))) {
            try {
                return Long.compare(Long.parseLong(a.substring(da + 1)), Long.parseLong(b.substring(db + 1)));
            } catch (NumberFormatException notNumbered) {
                // fall through to the names
            }
        }
        return a.compareTo(b);
    }
}
