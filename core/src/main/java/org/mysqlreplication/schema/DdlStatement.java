package org.mysqlreplication.schema;

import java.util.List;

/**
 * What the DDL parser makes of one statement: the table and database changes the schema history applies, or
 * {@link Ignored} for statements that change no table's columns (DML, BEGIN, CREATE INDEX, TRUNCATE, views,
 * users...), or {@link Unparsed} for DDL the parser does not understand, with the tables it may touch.
 *
 * <p>Immutable and thread-safe.
 */
sealed interface DdlStatement {

    /** A column of a CREATE TABLE or ALTER TABLE, before the table's and database's charsets are applied. */
    record Column(ColumnDefinition definition, boolean binaryCollation, boolean primaryKey) {}

    /** Where ADD, MODIFY or CHANGE puts a column: FIRST, AFTER a column; {@code null} = at the end/in place. */
    record Position(boolean first, String after) {}

    record CreateTable(
            TableName name,
            boolean ifNotExists,
            List<Column> columns,
            List<String> primaryKey,
            String charset,
            String collation)
            implements DdlStatement {}

    record CreateTableLike(TableName name, TableName like, boolean ifNotExists) implements DdlStatement {}

    record AlterTable(TableName name, List<AlterAction> actions) implements DdlStatement {}

    record RenameTables(List<TableName> from, List<TableName> to) implements DdlStatement {}

    record DropTables(List<TableName> names) implements DdlStatement {}

    record CreateDatabase(String name, boolean ifNotExists, String charset, String collation) implements DdlStatement {}

    record AlterDatabase(String name, String charset, String collation) implements DdlStatement {}

    record DropDatabase(String name) implements DdlStatement {}

    /** Changes no table's columns. */
    record Ignored() implements DdlStatement {}

    /**
     * DDL the parser does not understand: the tables it named before it stopped, and every identifier of the
     * statement (a known table named by any of them is made unknown: never a guess).
     */
    record Unparsed(List<TableName> touched, List<String> identifiers, String reason) implements DdlStatement {}

    /** One clause of an ALTER TABLE. */
    sealed interface AlterAction {}

    record AddColumns(List<Column> columns, Position position, boolean ifNotExists) implements AlterAction {}

    record DropColumn(String name, boolean ifExists) implements AlterAction {}

    /** MODIFY ({@code oldName} is the column's own name) or CHANGE. */
    record ChangeColumn(String oldName, Column column, Position position, boolean ifExists) implements AlterAction {}

    record RenameColumn(String oldName, String newName) implements AlterAction {}

    record RenameTo(TableName name) implements AlterAction {}

    record ConvertCharset(String charset, String collation) implements AlterAction {}

    record DefaultCharset(String charset, String collation) implements AlterAction {}

    record AddPrimaryKey(List<String> columns) implements AlterAction {}

    record DropPrimaryKey() implements AlterAction {}
}
