package org.mysqlreplication.schema;

import java.util.List;

/**
 * A position in the tokens of one statement, with the small reads a recursive-descent parser needs: look at the
 * next token, take it if it is a keyword or a symbol, read a (quoted or not) identifier, skip a balanced
 * parenthesized group.
 *
 * <p>Not thread-safe.
 */
final class DdlCursor {

    private final List<DdlToken> tokens;
    private final boolean ansiQuotes;
    private int at;

    DdlCursor(List<DdlToken> tokens, boolean ansiQuotes) {
        this.tokens = tokens;
        this.ansiQuotes = ansiQuotes;
    }

    DdlToken peek() {
        return tokens.get(at);
    }

    DdlToken peek(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    DdlToken next() {
        DdlToken t = tokens.get(at);
        if (t.kind() != DdlToken.Kind.END) {
            at++;
        }
        return t;
    }

    boolean atEnd() {
        return peek().kind() == DdlToken.Kind.END || peek().is(';') && peek(1).kind() == DdlToken.Kind.END;
    }

    /** Takes the next token when it is {@code keyword}. */
    boolean accept(String keyword) {
        if (peek().is(keyword)) {
            at++;
            return true;
        }
        return false;
    }

    /** Takes the next tokens when they are the keywords {@code keywords}, in order; else takes none. */
    boolean acceptAll(String... keywords) {
        for (int k = 0; k < keywords.length; k++) {
            if (!peek(k).is(keywords[k])) {
                return false;
            }
        }
        at += keywords.length;
        return true;
    }

    boolean accept(char symbol) {
        if (peek().is(symbol)) {
            at++;
            return true;
        }
        return false;
    }

    void expect(String keyword) {
        if (!accept(keyword)) {
            throw error("expected " + keyword.toUpperCase(java.util.Locale.ROOT));
        }
    }

    void expect(char symbol) {
        if (!accept(symbol)) {
            throw error("expected '" + symbol + "'");
        }
    }

    /** Whether the next token can be an identifier: a word, a backtick-quoted name, or "name" under ANSI_QUOTES. */
    boolean atIdentifier() {
        DdlToken t = peek();
        return t.kind() == DdlToken.Kind.WORD
                || t.kind() == DdlToken.Kind.QUOTED_IDENT
                || ansiQuotes && t.kind() == DdlToken.Kind.DOUBLE_QUOTED;
    }

    String identifier() {
        if (!atIdentifier()) {
            throw error("expected an identifier");
        }
        return next().text();
    }

    /** A string literal: 'text', "text" unless ANSI_QUOTES, with adjacent literals joined and an introducer dropped. */
    String string() {
        DdlToken t = peek();
        if (t.kind() == DdlToken.Kind.WORD && t.text().startsWith("_") && isStringKind(peek(1))) {
            next(); // a charset introducer: _utf8mb4'text'
        } else if (t.is("N") && isStringKind(peek(1))) {
            next();
        }
        if (!isStringKind(peek())) {
            throw error("expected a string");
        }
        StringBuilder b = new StringBuilder(next().text());
        while (isStringKind(peek())) {
            b.append(next().text());
        }
        return b.toString();
    }

    boolean atString() {
        DdlToken t = peek();
        return isStringKind(t)
                || (t.kind() == DdlToken.Kind.WORD && (t.text().startsWith("_") || t.is("N")) && isStringKind(peek(1)));
    }

    private boolean isStringKind(DdlToken t) {
        return t.kind() == DdlToken.Kind.STRING || !ansiQuotes && t.kind() == DdlToken.Kind.DOUBLE_QUOTED;
    }

    /** A name or a string (charset and collation names may be given as either), lower case. */
    String nameOrString() {
        return (atString() ? string() : identifier()).toLowerCase(java.util.Locale.ROOT);
    }

    int integer() {
        DdlToken t = peek();
        if (t.kind() != DdlToken.Kind.NUMBER) {
            throw error("expected a number");
        }
        next();
        try {
            return Integer.parseInt(t.text());
        } catch (NumberFormatException e) {
            throw new DdlSyntaxException(
                    "number " + t.text().length() + " characters long is not an integer", t.offset());
        }
    }

    /** Skips a parenthesized group whose '(' is the next token, nested groups included. */
    void skipGroup() {
        expect('(');
        int depth = 1;
        while (depth > 0) {
            DdlToken t = next();
            if (t.kind() == DdlToken.Kind.END) {
                throw error("unbalanced parentheses");
            }
            if (t.is('(')) {
                depth++;
            } else if (t.is(')')) {
                depth--;
            }
        }
    }

    /** Skips tokens up to (not including) the next ',' or ')' at this nesting level, or the end. */
    void skipToCommaOrClose() {
        while (!atEnd() && !peek().is(',') && !peek().is(')')) {
            if (peek().is('(')) {
                skipGroup();
            } else {
                next();
            }
        }
    }

    DdlSyntaxException error(String what) {
        DdlToken t = peek();
        return new DdlSyntaxException(what + ", found " + describe(t), t.offset());
    }

    private static String describe(DdlToken t) {
        return switch (t.kind()) {
            case END -> "the end";
            case STRING, DOUBLE_QUOTED -> "a string";
            case NUMBER -> "a number";
            default -> "'" + (t.text().length() > 40 ? t.text().substring(0, 40) + "..." : t.text()) + "'";
        };
    }
}
