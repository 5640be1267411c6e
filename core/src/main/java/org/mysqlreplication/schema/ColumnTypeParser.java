package org.mysqlreplication.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a column's data type with its type modifiers, as DDL writes it ({@code INT(11) UNSIGNED ZEROFILL},
 * {@code NATIONAL VARCHAR(10)}, {@code DOUBLE PRECISION}, {@code ENUM('a','b') CHARACTER SET latin1}) and as
 * {@code information_schema.COLUMNS.COLUMN_TYPE} shows it ({@code int(10) unsigned}, {@code enum('a','b')}),
 * into a {@link Spec} whose type name is the canonical {@code DATA_TYPE} (aliases resolved, as the server does:
 * {@code INTEGER} is {@code int}, {@code BOOL} is {@code tinyint}, {@code FLOAT(30)} is {@code double},
 * {@code LONG VARCHAR} is {@code mediumtext}, {@code SERIAL} is {@code bigint unsigned}).
 *
 * <p>Stateless and thread-safe.
 */
final class ColumnTypeParser {

    /** A column type being read: filled by the type, then by the column's attributes. Not thread-safe. */
    static final class Spec {
        String dataType;
        int length = -1;
        int precision = -1;
        int scale = -1;
        int fsp = -1;
        boolean unsigned;
        String charset;
        String collation;
        /** The BINARY attribute of a text type: the binary collation of its charset. */
        boolean binaryCollation;

        List<String> labels = List.of();
        boolean nullable = true;

        ColumnDefinition toColumn(String name) {
            return new ColumnDefinition(
                    name, dataType, length, precision, scale, fsp, unsigned, charset, collation, labels, nullable);
        }
    }

    private ColumnTypeParser() {}

    /** Parses an {@code information_schema.COLUMNS.COLUMN_TYPE}. @throws DdlSyntaxException when it is not one */
    static Spec parseColumnType(String columnType) {
        DdlCursor c = new DdlCursor(DdlLexer.tokenize(columnType, true), false);
        Spec spec = parse(c);
        if (!c.atEnd()) {
            throw c.error("expected the end of the column type");
        }
        return spec;
    }

    /** Reads a data type and its type modifiers from {@code c}. */
    static Spec parse(DdlCursor c) {
        Spec s = new Spec();
        String word = c.identifier().toLowerCase(Locale.ROOT);
        switch (word) {
            case "bit" -> s.dataType = withLength(c, s, "bit");
            case "tinyint", "int1" -> s.dataType = displayWidth(c, "tinyint");
            case "bool", "boolean" -> s.dataType = "tinyint";
            case "smallint", "int2" -> s.dataType = displayWidth(c, "smallint");
            case "mediumint", "middleint", "int3" -> s.dataType = displayWidth(c, "mediumint");
            case "int", "integer", "int4" -> s.dataType = displayWidth(c, "int");
            case "bigint", "int8" -> s.dataType = displayWidth(c, "bigint");
            case "serial" -> {
                s.dataType = "bigint";
                s.unsigned = true;
                s.nullable = false;
            }
            case "decimal", "dec", "numeric", "fixed" -> decimal(c, s);
            case "float", "float4" -> floating(c, s);
            case "double", "float8", "real" -> {
                c.accept("precision");
                s.dataType = "double";
                skipPrecision(c);
            }
            case "date" -> s.dataType = "date";
            case "time", "datetime", "timestamp" -> {
                s.dataType = word;
                s.fsp = c.accept('(') ? closeAfter(c, c.integer()) : 0;
            }
            case "year" -> s.dataType = displayWidth(c, "year");
            case "char", "character" -> character(c, s);
            case "nchar" -> national(c, s, c.accept("varchar") || c.accept("varying") ? "varchar" : "char");
            case "nvarchar" -> national(c, s, "varchar");
            case "national" -> national(c, s, nationalType(c));
            case "varchar", "varchar2" -> s.dataType = withLength(c, s, "varchar");
            case "binary" ->
                s.dataType = c.accept("varying") ? withLength(c, s, "varbinary") : optionalLength(c, s, "binary", 1);
            case "varbinary" -> s.dataType = withLength(c, s, "varbinary");
            case "tinyblob", "blob", "mediumblob", "longblob" -> s.dataType = optionalTextLength(c, s, word);
            case "tinytext", "text", "mediumtext", "longtext" -> s.dataType = optionalTextLength(c, s, word);
            case "long" -> s.dataType = c.accept("varbinary") ? "mediumblob" : longText(c);
            case "enum", "set" -> {
                s.dataType = word;
                s.labels = labels(c);
            }
            case "json",
                    "geometry",
                    "point",
                    "linestring",
                    "polygon",
                    "multipoint",
                    "multilinestring",
                    "multipolygon",
                    "geometrycollection",
                    "inet4",
                    "inet6",
                    "uuid" -> s.dataType = word;
            case "geomcollection" -> s.dataType = "geometrycollection";
            case "vector" -> s.dataType = withLength(c, s, "vector");
            default -> throw new DdlSyntaxException("unknown data type '" + shorten(word) + "'", 0);
        }
        modifiers(c, s);
        return s;
    }

    /** The type modifiers after a type: signedness, ZEROFILL, charset and collation, BINARY, ASCII, UNICODE. */
    static void modifiers(DdlCursor c, Spec s) {
        while (true) {
            if (c.accept("unsigned") || c.accept("zerofill")) {
                s.unsigned = true;
            } else if (c.accept("signed")) {
                s.unsigned = false;
            } else if (c.acceptAll("character", "set") || c.accept("charset") || c.acceptAll("char", "set")) {
                charset(s, c.nameOrString());
            } else if (c.accept("collate")) {
                s.collation = c.nameOrString();
            } else if (c.accept("binary")) {
                s.binaryCollation = true;
            } else if (c.accept("ascii")) {
                charset(s, "latin1");
            } else if (c.accept("unicode")) {
                charset(s, "ucs2");
            } else if (c.accept("byte")) {
                charset(s, "binary");
            } else {
                return;
            }
        }
    }

    /** Whether a type modifier ({@link #modifiers}) comes next. */
    static boolean modifierAhead(DdlCursor c) {
        DdlToken t = c.peek();
        return t.is("unsigned")
                || t.is("zerofill")
                || t.is("signed")
                || t.is("charset")
                || t.is("collate")
                || t.is("binary")
                || t.is("ascii")
                || t.is("unicode")
                || t.is("byte")
                || (t.is("character") || t.is("char")) && c.peek(1).is("set");
    }

    /** CHARACTER SET binary makes a text type its binary twin, as the server does. */
    static void charset(Spec s, String charset) {
        s.charset = charset.equals("utf8") ? "utf8mb3" : charset;
        if (charset.equals("binary")) {
            s.dataType = switch (s.dataType) {
                case "char" -> "binary";
                case "varchar" -> "varbinary";
                case "tinytext" -> "tinyblob";
                case "text" -> "blob";
                case "mediumtext" -> "mediumblob";
                case "longtext" -> "longblob";
                default -> s.dataType;
            };
        }
    }

    private static String nationalType(DdlCursor c) {
        if (c.accept("varchar")) {
            return "varchar";
        }
        if (c.accept("char") || c.accept("character")) {
            return c.accept("varying") ? "varchar" : "char";
        }
        throw c.error("expected CHAR or VARCHAR after NATIONAL");
    }

    private static void national(DdlCursor c, Spec s, String type) {
        s.dataType = type.equals("char") ? optionalLength(c, s, "char", 1) : withLength(c, s, "varchar");
        s.charset = "utf8mb3";
    }

    private static void character(DdlCursor c, Spec s) {
        if (c.accept("varying")) {
            s.dataType = withLength(c, s, "varchar");
        } else if (c.peek().is("set") || c.peek().is("byte") && c.peek(1).is('(')) {
            s.dataType = "char"; // CHAR CHARACTER SET x, handled as a modifier
            s.length = 1;
        } else {
            s.dataType = optionalLength(c, s, "char", 1);
        }
    }

    private static String longText(DdlCursor c) {
        c.accept("varchar");
        c.accept("char");
        return "mediumtext";
    }

    private static void decimal(DdlCursor c, Spec s) {
        s.dataType = "decimal";
        s.precision = 10;
        s.scale = 0;
        if (c.accept('(')) {
            s.precision = c.integer();
            if (c.accept(',')) {
                s.scale = c.integer();
            }
            c.expect(')');
        }
    }

    private static void floating(DdlCursor c, Spec s) {
        s.dataType = "float";
        if (c.accept('(')) {
            int p = c.integer();
            if (c.accept(',')) {
                c.integer();
            } else if (p > 24) {
                s.dataType = "double"; // FLOAT(p): p 25..53 is a DOUBLE
            }
            c.expect(')');
        }
    }

    private static void skipPrecision(DdlCursor c) {
        if (c.accept('(')) {
            c.integer();
            if (c.accept(',')) {
                c.integer();
            }
            c.expect(')');
        }
    }

    private static String displayWidth(DdlCursor c, String type) {
        if (c.accept('(')) {
            c.integer();
            c.expect(')');
        }
        return type;
    }

    private static String withLength(DdlCursor c, Spec s, String type) {
        if (c.peek().is('(')) {
            c.expect('(');
            s.length = closeAfter(c, c.integer());
        } else if (type.equals("bit")) {
            s.length = 1;
        }
        return type;
    }

    private static String optionalLength(DdlCursor c, Spec s, String type, int defaultLength) {
        s.length = c.accept('(') ? closeAfter(c, c.integer()) : defaultLength;
        return type;
    }

    /** TEXT(n) and BLOB(n) keep n: the server picks the smallest TEXT/BLOB type for n characters (bytes). */
    private static String optionalTextLength(DdlCursor c, Spec s, String type) {
        if (c.accept('(')) {
            s.length = closeAfter(c, c.integer());
        }
        return type;
    }

    private static int closeAfter(DdlCursor c, int value) {
        c.expect(')');
        return value;
    }

    private static List<String> labels(DdlCursor c) {
        List<String> labels = new ArrayList<>();
        c.expect('(');
        do {
            labels.add(c.string());
        } while (c.accept(','));
        c.expect(')');
        return labels;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
