package org.mysqlreplication.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the clauses of an ALTER TABLE after the table name. Clauses that change a column, the primary key, the
 * table's name or its charsets become {@link DdlStatement.AlterAction}s; those that cannot change how a row is
 * logged (indexes, foreign keys, checks, defaults, visibility, table options, ALGORITHM/LOCK, partitioning) are
 * read over. Anything else raises a {@link DdlSyntaxException}: the history then makes the table unknown.
 *
 * <p>Not thread-safe: works on one cursor.
 */
final class AlterTableParser {

    /** Table options and ALTER TABLE clauses that change no column. */
    private static final Set<String> OPTIONS = Set.of(
            "engine",
            "auto_increment",
            "avg_row_length",
            "checksum",
            "comment",
            "compression",
            "connection",
            "data",
            "index",
            "delay_key_write",
            "encryption",
            "encrypted",
            "encryption_key_id",
            "insert_method",
            "key_block_size",
            "max_rows",
            "min_rows",
            "pack_keys",
            "password",
            "row_format",
            "stats_auto_recalc",
            "stats_persistent",
            "stats_sample_pages",
            "tablespace",
            "union",
            "page_checksum",
            "page_compressed",
            "page_compression_level",
            "transactional",
            "ietf_quotes",
            "algorithm",
            "lock",
            "engine_attribute",
            "secondary_engine_attribute",
            "autoextend_size",
            "force",
            "order",
            "enable",
            "disable",
            "discard",
            "import",
            "with",
            "without",
            "sequence",
            "secondary_engine",
            "secondary_load",
            "secondary_unload",
            "validation");

    private final DdlCursor c;
    private final ColumnDefinitionParser columns;
    private final DdlParser parser;

    AlterTableParser(DdlCursor c, DdlParser parser) {
        this.c = c;
        this.columns = new ColumnDefinitionParser(c);
        this.parser = parser;
    }

    List<DdlStatement.AlterAction> actions() {
        List<DdlStatement.AlterAction> actions = new ArrayList<>();
        if (c.accept("wait")) {
            c.integer();
        }
        c.accept("nowait");
        while (!c.atEnd()) {
            if (c.peek().is("partition")
                    || c.peek().is("remove")
                    || c.peek().is("coalesce")
                    || c.peek().is("reorganize")
                    || c.peek().is("exchange")
                    || c.peek().is("truncate") && c.peek(1).is("partition")
                    || c.peek().is("analyze")
                    || c.peek().is("check") && c.peek(1).is("partition")
                    || c.peek().is("optimize")
                    || c.peek().is("rebuild")
                    || c.peek().is("repair")) {
                skipToEnd(); // partitioning: no column changes
                break;
            }
            DdlStatement.AlterAction a = action();
            if (a != null) {
                actions.add(a);
            }
            if (!c.accept(',')) {
                if (!c.atEnd()) {
                    throw c.error("expected ',' between ALTER TABLE clauses");
                }
            }
        }
        return actions;
    }

    private void skipToEnd() {
        while (!c.atEnd()) {
            c.next();
        }
    }

    private DdlStatement.AlterAction action() {
        if (c.accept("add")) {
            return add();
        }
        if (c.accept("drop")) {
            return drop();
        }
        if (c.accept("modify")) {
            c.accept("column");
            boolean ifExists = c.acceptAll("if", "exists");
            DdlStatement.Column col = columns.column();
            return new DdlStatement.ChangeColumn(col.definition().name(), col, position(), ifExists);
        }
        if (c.accept("change")) {
            c.accept("column");
            boolean ifExists = c.acceptAll("if", "exists");
            String old = c.identifier();
            DdlStatement.Column col = columns.column();
            return new DdlStatement.ChangeColumn(old, col, position(), ifExists);
        }
        if (c.accept("rename")) {
            return rename();
        }
        if (c.accept("alter")) {
            skipClause(); // ALTER [COLUMN] x SET DEFAULT / DROP DEFAULT / SET [IN]VISIBLE, ALTER INDEX, CHECK
            return null;
        }
        if (c.acceptAll("convert", "to")) {
            ColumnDefinitionParser.Charset cs = charsetClause();
            return new DdlStatement.ConvertCharset(cs.charset(), cs.collation());
        }
        if (c.peek().is("default")
                || c.peek().is("character")
                || c.peek().is("charset")
                || c.peek().is("collate")) {
            ColumnDefinitionParser.Charset cs = columns.tableOptionsUntilComma();
            return new DdlStatement.DefaultCharset(cs.charset(), cs.collation());
        }
        if (c.peek().kind() == DdlToken.Kind.WORD && OPTIONS.contains(c.peek().lower())) {
            if (c.peek().is("with") && c.peek(1).is("system")
                    || c.peek().is("without") && c.peek(1).is("system")) {
                throw c.error("system versioning changes hidden columns");
            }
            skipClause();
            return null;
        }
        throw c.error("unknown ALTER TABLE clause");
    }

    private DdlStatement.AlterAction add() {
        if (c.peek().is("system")) {
            throw c.error("system versioning adds hidden columns");
        }
        if (c.peek().is("constraint")
                || c.peek().is("primary")
                || c.peek().is("key")
                || c.peek().is("index")
                || c.peek().is("unique")
                || c.peek().is("fulltext")
                || c.peek().is("spatial")
                || c.peek().is("foreign")
                || c.peek().is("check")
                || c.peek().is("period")) {
            List<String> pk = columns.constraint();
            return pk == null ? null : new DdlStatement.AddPrimaryKey(pk);
        }
        if (c.peek().is("partition")) {
            skipClause();
            return null;
        }
        c.accept("column");
        boolean ifNotExists = c.acceptAll("if", "not", "exists");
        if (c.accept('(')) {
            List<DdlStatement.Column> added = new ArrayList<>();
            do {
                if (columns.atConstraint()) {
                    columns.constraint();
                } else {
                    added.add(columns.column());
                }
            } while (c.accept(','));
            c.expect(')');
            return new DdlStatement.AddColumns(added, null, ifNotExists);
        }
        DdlStatement.Column col = columns.column();
        return new DdlStatement.AddColumns(List.of(col), position(), ifNotExists);
    }

    private DdlStatement.AlterAction drop() {
        if (c.acceptAll("primary", "key")) {
            return new DdlStatement.DropPrimaryKey();
        }
        if (c.peek().is("system")) {
            throw c.error("system versioning drops hidden columns");
        }
        if (c.peek().is("index")
                || c.peek().is("key")
                || c.peek().is("foreign")
                || c.peek().is("constraint")
                || c.peek().is("check")
                || c.peek().is("partition")
                || c.peek().is("period")) {
            skipClause();
            return null;
        }
        c.accept("column");
        boolean ifExists = c.acceptAll("if", "exists");
        String name = c.identifier();
        c.accept("restrict");
        c.accept("cascade");
        return new DdlStatement.DropColumn(name, ifExists);
    }

    private DdlStatement.AlterAction rename() {
        if (c.accept("column")) {
            String old = c.identifier();
            c.expect("to");
            return new DdlStatement.RenameColumn(old, c.identifier());
        }
        if (c.peek().is("index") || c.peek().is("key")) {
            skipClause();
            return null;
        }
        if (!c.accept("to")) {
            c.accept("as");
        }
        return new DdlStatement.RenameTo(parser.tableName());
    }

    /** {@code CHARACTER SET x [COLLATE y]} or {@code CHARSET x}, after CONVERT TO. */
    private ColumnDefinitionParser.Charset charsetClause() {
        if (!c.acceptAll("character", "set")) {
            c.expect("charset");
        }
        String charset = Charsets.normalize(c.nameOrString());
        String collation = null;
        if (c.accept("collate")) {
            collation = c.nameOrString();
        }
        if (charset.equals("default")) {
            throw c.error("CONVERT TO CHARACTER SET DEFAULT needs the database's charset");
        }
        return new ColumnDefinitionParser.Charset(charset, collation);
    }

    private DdlStatement.Position position() {
        if (c.accept("first")) {
            return new DdlStatement.Position(true, null);
        }
        if (c.accept("after")) {
            return new DdlStatement.Position(false, c.identifier());
        }
        return null;
    }

    private void skipClause() {
        c.skipToCommaOrClose();
    }
}
