package org.mysqlreplication.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a statement into {@link DdlToken}s the way the server's lexer does for the DDL subset the history reads:
 * words, {@code `quoted`} identifiers ({@code ``} inside is one backtick), {@code 'strings'} (doubled quote and,
 * unless NO_BACKSLASH_ESCAPES, backslash escapes), {@code "double-quoted"} text (an identifier under ANSI_QUOTES,
 * a string otherwise: the parser decides), numbers, and single-character symbols. Comments are dropped:
 * {@code /* ... *}{@code /}, {@code -- } to the end of the line, {@code #} to the end of the line; the executable
 * comments {@code /*!50100 ... *}{@code /} and MariaDB's {@code /*M!100100 ... *}{@code /} keep their content,
 * as a server of any later version runs it.
 *
 * <p>Not thread-safe; one lexer per statement.
 */
final class DdlLexer {

    private final String s;
    private final boolean backslashEscapes;
    private final List<DdlToken> tokens = new ArrayList<>();
    private int i;
    /** Inside an executable comment: its closing {@code *}{@code /} ends it and is skipped. */
    private int executableDepth;

    private DdlLexer(String s, boolean backslashEscapes) {
        this.s = s;
        this.backslashEscapes = backslashEscapes;
    }

    /** The tokens of {@code sql}, ending with one {@link DdlToken.Kind#END} token. */
    static List<DdlToken> tokenize(String sql, boolean backslashEscapes) {
        DdlLexer lexer = new DdlLexer(sql, backslashEscapes);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            skipSpaceAndComments();
            if (i >= s.length()) {
                tokens.add(new DdlToken(DdlToken.Kind.END, "", i));
                return;
            }
            int start = i;
            char c = s.charAt(i);
            if (c == '`') {
                tokens.add(new DdlToken(DdlToken.Kind.QUOTED_IDENT, quoted('`', false), start));
            } else if (c == '\'') {
                tokens.add(new DdlToken(DdlToken.Kind.STRING, quoted('\'', backslashEscapes), start));
            } else if (c == '"') {
                tokens.add(new DdlToken(DdlToken.Kind.DOUBLE_QUOTED, quoted('"', backslashEscapes), start));
            } else if (Character.isDigit(c)
                    || c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)) && !previousIsName()) {
                tokens.add(numberOrWord(start));
            } else if (isWordChar(c)) {
                while (i < s.length() && isWordChar(s.charAt(i))) {
                    i++;
                }
                tokens.add(new DdlToken(DdlToken.Kind.WORD, s.substring(start, i), start));
            } else {
                i++;
                tokens.add(new DdlToken(DdlToken.Kind.SYMBOL, String.valueOf(c), start));
            }
        }
    }

    /** After a name a {@code .5} is a qualifier dot, not a number ({@code db.5t} is database db, table 5t). */
    private boolean previousIsName() {
        if (tokens.isEmpty()) {
            return false;
        }
        DdlToken t = tokens.get(tokens.size() - 1);
        return t.kind() == DdlToken.Kind.WORD || t.kind() == DdlToken.Kind.QUOTED_IDENT;
    }

    /** A number; or a word that starts with digits ({@code 1e_table}, {@code 123abc} are identifiers). */
    private DdlToken numberOrWord(int start) {
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
            i++;
        }
        if (i < s.length() && isWordChar(s.charAt(i))) {
            while (i < s.length() && isWordChar(s.charAt(i))) {
                i++;
            }
            return new DdlToken(DdlToken.Kind.WORD, s.substring(start, i), start);
        }
        return new DdlToken(DdlToken.Kind.NUMBER, s.substring(start, i), start);
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7F && !Character.isWhitespace(c);
    }

    private String quoted(char quote, boolean escapes) {
        int start = i;
        StringBuilder b = new StringBuilder();
        i++;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    b.append(quote);
                    i += 2;
                    continue;
                }
                i++;
                return b.toString();
            }
            if (c == '\\' && escapes && i + 1 < s.length()) {
                b.append(unescape(s.charAt(i + 1)));
                i += 2;
                continue;
            }
            b.append(c);
            i++;
        }
        throw new DdlSyntaxException("unterminated " + quote + " quote", start);
    }

    private static String unescape(char c) {
        return switch (c) {
            case '0' -> "\0";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case 'b' -> "\b";
            case 'Z' -> "\u001A";
            case '%' -> "\\%";
            case '_' -> "\\_";
            default -> String.valueOf(c);
        };
    }

    private void skipSpaceAndComments() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#'
                    || c == '-'
                            && s.startsWith("--", i)
                            && (i + 2 >= s.length() || Character.isWhitespace(s.charAt(i + 2)))) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? s.length() : nl + 1;
            } else if (s.startsWith("/*!", i) || s.startsWith("/*M!", i)) {
                i += s.charAt(i + 2) == 'M' ? 4 : 3;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                executableDepth++;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new DdlSyntaxException("unterminated comment", i);
                }
                i = end + 2;
            } else if (executableDepth > 0 && s.startsWith("*/", i)) {
                executableDepth--;
                i += 2;
            } else {
                return;
            }
        }
    }
}
