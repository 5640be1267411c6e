package org.mysqlreplication.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the parts of CREATE/ALTER TABLE that describe columns: a column definition (name, type, attributes), a
 * key's column list, and table options (of which only the character set and collation matter here).
 *
 * <p>Attributes that do not change how a value is stored (DEFAULT, COMMENT, AUTO_INCREMENT, generated column
 * expressions, CHECK, REFERENCES, visibility...) are read over; the type itself is read strictly.
 *
 * <p>Not thread-safe: works on one cursor.
 */
final class ColumnDefinitionParser {

    /** Charset/collation table options. */
    record Charset(String charset, String collation) {}

    private final DdlCursor c;

    ColumnDefinitionParser(DdlCursor c) {
        this.c = c;
    }

    /** {@code name type attributes}, up to a ',' or ')' or FIRST/AFTER. */
    DdlStatement.Column column() {
        String name = c.identifier();
        ColumnTypeParser.Spec spec = ColumnTypeParser.parse(c);
        boolean primaryKey = false;
        while (!c.atEnd()
                && !c.peek().is(',')
                && !c.peek().is(')')
                && !c.peek().is("first")
                && !c.peek().is("after")) {
            if (c.acceptAll("not", "null")) {
                spec.nullable = false;
            } else if (c.accept("null")) {
                spec.nullable = true;
            } else if (c.accept("default")) {
                expression();
            } else if (c.acceptAll("primary", "key")) {
                primaryKey = true;
                spec.nullable = false;
            } else if (c.accept("unique")) {
                c.accept("key");
            } else if (c.peek().is("key") && !c.peek(1).is('(')) {
                c.next(); // KEY alone in a column definition is PRIMARY KEY
                primaryKey = true;
                spec.nullable = false;
            } else if (c.acceptAll("on", "update")) {
                expression();
            } else if (c.peek().is("as") || c.peek().is("generated")) {
                c.accept("generated");
                c.accept("always");
                c.expect("as");
                c.skipGroup();
            } else if (c.accept("check") || c.accept("srid")) {
                if (c.peek().is('(')) {
                    c.skipGroup();
                } else {
                    c.next();
                }
            } else if (c.accept("references")) {
                tableReference();
            } else if (c.accept("comment")) {
                c.string();
            } else if (ColumnTypeParser.modifierAhead(c)) {
                ColumnTypeParser.modifiers(c, spec);
            } else if (c.peek().is('(')) {
                c.skipGroup();
            } else {
                c.next(); // UNIQUE, AUTO_INCREMENT, VIRTUAL, STORED, INVISIBLE, COLUMN_FORMAT x, CONSTRAINT x...
            }
        }
        return new DdlStatement.Column(spec.toColumn(name), spec.binaryCollation, primaryKey);
    }

    /** A DEFAULT or ON UPDATE value: a literal, a signed number, a function call, or a parenthesized expression. */
    void expression() {
        if (c.peek().is('(')) {
            c.skipGroup();
            return;
        }
        if (c.atString()) {
            c.string();
            return;
        }
        if (c.peek().is('-') || c.peek().is('+')) {
            c.next();
        }
        DdlToken t = c.next();
        if (t.kind() == DdlToken.Kind.WORD && (t.is("b") || t.is("x")) && c.atString()) {
            c.string(); // b'0101', x'ff'
        } else if (c.peek().is('(')) {
            c.skipGroup(); // CURRENT_TIMESTAMP(6), NOW(), uuid()
        }
    }

    /** {@code REFERENCES tbl (cols) [MATCH x] [ON DELETE|UPDATE action]} after REFERENCES. */
    private void tableReference() {
        c.identifier();
        if (c.accept('.')) {
            c.identifier();
        }
        if (c.peek().is('(')) {
            c.skipGroup();
        }
    }

    /** {@code (a, b(10) DESC, (expr))}: the columns named, in order (expression parts give none). */
    List<String> keyColumns() {
        List<String> names = new ArrayList<>();
        c.expect('(');
        do {
            if (c.peek().is('(')) {
                c.skipGroup();
            } else {
                names.add(c.identifier());
                if (c.peek().is('(')) {
                    c.skipGroup();
                }
            }
            c.accept("asc");
            c.accept("desc");
        } while (c.accept(','));
        c.expect(')');
        return names;
    }

    /**
     * Skips an index or constraint definition of CREATE TABLE (KEY, INDEX, UNIQUE, FULLTEXT, SPATIAL, FOREIGN
     * KEY, CHECK, PERIOD FOR), or reads a PRIMARY KEY's columns: returns them, else null.
     */
    List<String> constraint() {
        if (c.accept("constraint")) {
            if (!c.peek().is("primary")
                    && !c.peek().is("unique")
                    && !c.peek().is("foreign")
                    && !c.peek().is("check")) {
                c.identifier();
            }
        }
        if (c.acceptAll("primary", "key")) {
            while (!c.peek().is('(')) {
                c.next(); // USING BTREE, an index name
            }
            List<String> columns = keyColumns();
            c.skipToCommaOrClose();
            return columns;
        }
        while (!c.atEnd() && !c.peek().is(',') && !c.peek().is(')')) {
            if (c.peek().is('(')) {
                if (c.peek(1).is('(')) {
                    throw c.error("a functional key part adds a hidden column");
                }
                c.skipGroup();
            } else {
                c.next();
            }
        }
        return null;
    }

    /** Whether a CREATE TABLE element that is not a column starts here. */
    boolean atConstraint() {
        DdlToken t = c.peek();
        return t.is("constraint")
                || t.is("primary")
                || t.is("key")
                || t.is("index")
                || t.is("unique")
                || t.is("fulltext")
                || t.is("spatial")
                || t.is("foreign")
                || t.is("check")
                || t.is("period");
    }

    /**
     * Table options up to the end, a SELECT, or PARTITION: the charset and collation among them.
     *
     * @throws DdlSyntaxException for WITH SYSTEM VERSIONING (hidden columns this model does not have)
     */
    Charset tableOptions(Charset current) {
        Charset cs = current;
        while (!c.atEnd()
                && !c.peek().is("select")
                && !c.peek().is("as")
                && !c.peek().is("partition")
                && !c.peek().is("ignore")
                && !c.peek().is("replace")
                && !c.peek().is('(')) {
            c.accept("default");
            Charset option = charsetOption(cs);
            if (option != null) {
                cs = option;
            } else if (c.peek().is("with") && c.peek(1).is("system")) {
                throw c.error("system-versioned tables have hidden columns");
            } else if (!c.accept(',')) {
                optionValue();
            }
        }
        return cs;
    }

    /** {@code cs} with the CHARACTER SET or COLLATE option that comes next, or null when none does. */
    private Charset charsetOption(Charset cs) {
        if (c.acceptAll("character", "set") || c.accept("charset")) {
            c.accept('=');
            return new Charset(Charsets.normalize(c.nameOrString()), cs.collation());
        }
        if (c.accept("collate")) {
            c.accept('=');
            return new Charset(cs.charset(), c.nameOrString());
        }
        return null;
    }

    /** One ALTER TABLE charset clause: {@code [DEFAULT] CHARACTER SET [=] x [COLLATE [=] y]} or a COLLATE alone. */
    Charset tableOptionsUntilComma() {
        Charset cs = new Charset(null, null);
        while (true) {
            c.accept("default");
            Charset option = charsetOption(cs);
            if (option == null) {
                return cs;
            }
            cs = option;
        }
    }

    /** {@code NAME [=] value} of a table option; a few are two words (DATA DIRECTORY, INDEX DIRECTORY). */
    private void optionValue() {
        DdlToken name = c.next();
        if (name.kind() != DdlToken.Kind.WORD) {
            throw new DdlSyntaxException("expected a table option", name.offset());
        }
        if (c.peek().is("directory") || c.peek().is("key") && name.is("encryption")) {
            c.next();
        }
        if (!c.accept('=') && (c.atEnd() || c.peek().is(','))) {
            return; // an option without a value
        }
        if (c.peek().is('(')) {
            c.skipGroup();
        } else {
            c.next();
        }
    }
}
