package org.mysqlreplication.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses the DDL statements that change tables' columns, as MySQL and MariaDB log them in QUERY events, into
 * {@link DdlStatement}s. Hand-written recursive descent over {@link DdlLexer}'s tokens: see the package
 * documentation for why not a generated parser.
 *
 * <p>Never throws for a statement: what it does not understand becomes {@link DdlStatement.Unparsed} when it is
 * DDL (it starts with ALTER, CREATE, DROP, RENAME), {@link DdlStatement.Ignored} otherwise.
 *
 * <p>Not thread-safe: one parser per statement ({@link #parse} makes it).
 */
final class DdlParser {

    /** sql_mode bits (MySQL's {@code MODE_*}): how the statement's text is to be read. */
    static final long MODE_REAL_AS_FLOAT = 1;

    static final long MODE_ANSI_QUOTES = 4;
    static final long MODE_NO_BACKSLASH_ESCAPES = 1L << 20;

    /** CREATE/DROP/ALTER of objects that hold no rows a rows event carries. */
    private static final Set<String> OTHER_OBJECTS = Set.of(
            "index",
            "unique",
            "fulltext",
            "spatial",
            "view",
            "trigger",
            "procedure",
            "function",
            "event",
            "user",
            "role",
            "server",
            "definer",
            "algorithm",
            "sql",
            "aggregate",
            "package",
            "tablespace",
            "logfile",
            "resource",
            "synonym",
            "instance",
            "undo");

    private final DdlCursor c;
    private final String defaultDatabase;
    private final List<TableName> touched = new ArrayList<>();

    private DdlParser(DdlCursor c, String defaultDatabase) {
        this.c = c;
        this.defaultDatabase = defaultDatabase;
    }

    /**
     * The statement {@code sql}, run with default database {@code defaultDatabase} ("" when none) under the
     * given sql_mode bits.
     */
    static DdlStatement parse(String sql, String defaultDatabase, long sqlMode) {
        if (!mayBeDdl(sql)) {
            return new DdlStatement.Ignored(); // BEGIN, DML: most QUERY events, not worth a lexer
        }
        List<DdlToken> tokens;
        try {
            tokens = DdlLexer.tokenize(sql, (sqlMode & MODE_NO_BACKSLASH_ESCAPES) == 0);
        } catch (DdlSyntaxException e) {
            return looksLikeDdl(sql)
                    ? new DdlStatement.Unparsed(List.of(), List.of(), e.getMessage())
                    : new DdlStatement.Ignored();
        }
        boolean ansiQuotes = (sqlMode & MODE_ANSI_QUOTES) != 0;
        DdlParser p = new DdlParser(new DdlCursor(tokens, ansiQuotes), defaultDatabase);
        try {
            return p.statement();
        } catch (DdlSyntaxException e) {
            return new DdlStatement.Unparsed(List.copyOf(p.touched), identifiers(tokens, ansiQuotes), e.getMessage());
        }
    }

    /** Whether the statement starts with a comment or with CREATE, ALTER, DROP or RENAME. */
    private static boolean mayBeDdl(String sql) {
        int i = 0;
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        if (i == sql.length()) {
            return false;
        }
        char c = sql.charAt(i);
        if (c == '/' || c == '#' || c == '-' || c == '(') {
            return true;
        }
        return sql.regionMatches(true, i, "create", 0, 6)
                || sql.regionMatches(true, i, "alter", 0, 5)
                || sql.regionMatches(true, i, "drop", 0, 4)
                || sql.regionMatches(true, i, "rename", 0, 6);
    }

    private static boolean looksLikeDdl(String sql) {
        String s = sql.stripLeading().toLowerCase(Locale.ROOT);
        return s.startsWith("alter")
                || s.startsWith("create")
                || s.startsWith("drop")
                || s.startsWith("rename")
                || s.startsWith("/*");
    }

    private static List<String> identifiers(List<DdlToken> tokens, boolean ansiQuotes) {
        List<String> names = new ArrayList<>();
        for (DdlToken t : tokens) {
            if (t.kind() == DdlToken.Kind.WORD
                    || t.kind() == DdlToken.Kind.QUOTED_IDENT
                    || ansiQuotes && t.kind() == DdlToken.Kind.DOUBLE_QUOTED) {
                names.add(t.text());
            }
        }
        return names;
    }

    private DdlStatement statement() {
        if (c.accept("create")) {
            return create();
        }
        if (c.accept("alter")) {
            return alter();
        }
        if (c.accept("drop")) {
            return drop();
        }
        if (c.accept("rename")) {
            return c.peek().is("table") || c.peek().is("tables") ? rename() : new DdlStatement.Ignored();
        }
        return new DdlStatement.Ignored(); // TRUNCATE, DML, BEGIN, GRANT...: no column changes
    }

    private DdlStatement create() {
        c.acceptAll("or", "replace");
        if (c.accept("temporary")) {
            return new DdlStatement.Ignored(); // never in a rows event of a row-based binlog
        }
        if (c.accept("database") || c.accept("schema")) {
            boolean ifNotExists = c.acceptAll("if", "not", "exists");
            String name = c.identifier();
            ColumnDefinitionParser.Charset cs =
                    new ColumnDefinitionParser(c).tableOptions(new ColumnDefinitionParser.Charset(null, null));
            return new DdlStatement.CreateDatabase(name, ifNotExists, cs.charset(), cs.collation());
        }
        if (c.accept("table")) {
            return new CreateTableParser(c, this).createTable();
        }
        return other();
    }

    private DdlStatement alter() {
        c.accept("online");
        c.accept("ignore");
        if (c.accept("database") || c.accept("schema")) {
            String name = c.atIdentifier()
                            && !c.peek().is("default")
                            && !c.peek().is("character")
                            && !c.peek().is("charset")
                            && !c.peek().is("collate")
                            && !c.peek().is("comment")
                            && !c.peek().is("read")
                            && !c.peek().is("encryption")
                    ? c.identifier()
                    : defaultDatabase;
            ColumnDefinitionParser.Charset cs =
                    new ColumnDefinitionParser(c).tableOptions(new ColumnDefinitionParser.Charset(null, null));
            return new DdlStatement.AlterDatabase(name, cs.charset(), cs.collation());
        }
        if (c.accept("table")) {
            c.acceptAll("if", "exists");
            TableName name = tableName();
            return new DdlStatement.AlterTable(name, new AlterTableParser(c, this).actions());
        }
        return other();
    }

    private DdlStatement drop() {
        if (c.accept("database") || c.accept("schema")) {
            c.acceptAll("if", "exists");
            return new DdlStatement.DropDatabase(c.identifier());
        }
        if (c.accept("temporary")) {
            return new DdlStatement.Ignored();
        }
        if (c.accept("table") || c.accept("tables")) {
            c.acceptAll("if", "exists");
            List<TableName> names = new ArrayList<>();
            do {
                names.add(tableName());
            } while (c.accept(','));
            return new DdlStatement.DropTables(names);
        }
        return other();
    }

    private DdlStatement rename() {
        c.next();
        c.acceptAll("if", "exists");
        List<TableName> from = new ArrayList<>();
        List<TableName> to = new ArrayList<>();
        do {
            from.add(tableName());
            c.expect("to");
            to.add(tableName());
        } while (c.accept(','));
        return new DdlStatement.RenameTables(from, to);
    }

    /** CREATE/ALTER/DROP of an index, view, trigger, user...: no columns change; anything else is not known. */
    private DdlStatement other() {
        if (c.peek().kind() == DdlToken.Kind.WORD
                && OTHER_OBJECTS.contains(c.peek().lower())) {
            return new DdlStatement.Ignored();
        }
        throw c.error("unknown DDL");
    }

    /** {@code name} or {@code db.name}, with the default database; remembered as touched. */
    TableName tableName() {
        String first = c.identifier();
        TableName name;
        if (c.accept('.')) {
            name = new TableName(first, c.identifier());
        } else {
            name = new TableName(defaultDatabase, first);
        }
        touched.add(name);
        return name;
    }
}
