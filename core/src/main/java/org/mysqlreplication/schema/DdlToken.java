package org.mysqlreplication.schema;

import java.util.Locale;

/**
 * One token of a DDL statement: its kind, its text (for quoted kinds the content, quotes removed and escapes
 * resolved) and where it starts in the statement.
 *
 * <p>Immutable and thread-safe.
 */
record DdlToken(Kind kind, String text, int offset) {

    enum Kind {
        WORD,
        QUOTED_IDENT,
        STRING,
        DOUBLE_QUOTED,
        NUMBER,
        SYMBOL,
        END
    }

    /** Whether this is the unquoted word {@code keyword} (case-insensitive). */
    boolean is(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** Whether this is the symbol {@code c}. */
    boolean is(char c) {
        return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == c;
    }

    String lower() {
        return text.toLowerCase(Locale.ROOT);
    }
}
