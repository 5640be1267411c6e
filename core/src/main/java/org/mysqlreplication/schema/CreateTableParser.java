package org.mysqlreplication.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CREATE TABLE after {@code CREATE [OR REPLACE] TABLE}: {@code [IF NOT EXISTS] name} then
 * {@code LIKE other}, {@code (LIKE other)}, or {@code (columns and keys) options}. A CREATE TABLE ... SELECT as a
 * statement-based binlog logs it (the SELECT's columns are not written out) raises a {@link DdlSyntaxException},
 * so the new table is unknown; a row-based binlog logs it as a plain CREATE TABLE with every column.
 *
 * <p>Not thread-safe: works on one cursor.
 */
final class CreateTableParser {

    private final DdlCursor c;
    private final DdlParser parser;
    private final ColumnDefinitionParser columns;

    CreateTableParser(DdlCursor c, DdlParser parser) {
        this.c = c;
        this.parser = parser;
        this.columns = new ColumnDefinitionParser(c);
    }

    DdlStatement createTable() {
        boolean ifNotExists = c.acceptAll("if", "not", "exists");
        TableName name = parser.tableName();
        if (c.accept("like")) {
            return new DdlStatement.CreateTableLike(name, parser.tableName(), ifNotExists);
        }
        if (c.peek().is('(') && c.peek(1).is("like")) {
            c.expect('(');
            c.expect("like");
            TableName like = parser.tableName();
            c.expect(')');
            return new DdlStatement.CreateTableLike(name, like, ifNotExists);
        }
        List<DdlStatement.Column> cols = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        if (c.accept('(')) {
            do {
                if (columns.atConstraint()) {
                    List<String> pk = columns.constraint();
                    if (pk != null) {
                        primaryKey = pk;
                    }
                } else {
                    DdlStatement.Column col = columns.column();
                    cols.add(col);
                    if (col.primaryKey()) {
                        primaryKey = List.of(col.definition().name());
                    }
                }
            } while (c.accept(','));
            c.expect(')');
        }
        ColumnDefinitionParser.Charset cs = columns.tableOptions(new ColumnDefinitionParser.Charset(null, null));
        if (c.peek().is("partition")) {
            while (!c.atEnd() && !c.peek().is("select") && !c.peek().is("as")) {
                if (c.peek().is('(')) {
                    c.skipGroup();
                } else {
                    c.next();
                }
            }
        }
        if (!c.atEnd()) {
            throw c.error("CREATE TABLE ... SELECT: the selected columns are not in the statement");
        }
        if (cols.isEmpty()) {
            throw c.error("CREATE TABLE without columns");
        }
        return new DdlStatement.CreateTable(name, ifNotExists, cols, primaryKey, cs.charset(), cs.collation());
    }
}
