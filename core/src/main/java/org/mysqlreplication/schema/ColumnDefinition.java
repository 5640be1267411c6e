package org.mysqlreplication.schema;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A column as its table's definition declares it (from DDL or from {@code information_schema.COLUMNS}), before
 * any binlog event: what the {@link TableMapCheck} compares with a TABLE_MAP, and what gives a row its names.
 *
 * @param name      the column name as declared
 * @param dataType  the type, lower case, as {@code information_schema.COLUMNS.DATA_TYPE} names it ({@code int},
 *                  {@code varchar}, {@code mediumtext}, {@code enum}, {@code point}, {@code inet6}, ...; a DDL
 *                  alias is resolved: {@code integer} is {@code int}, {@code bool} is {@code tinyint});
 *                  {@code json} stays {@code json} (MariaDB stores it as {@code longtext})
 * @param length    the declared length: characters of CHAR/VARCHAR/TEXT(n), bytes of BINARY/VARBINARY, bits of
 *                  BIT, dimensions of VECTOR; -1 when the type has none or none was given
 * @param precision DECIMAL precision (digits), -1 for other types
 * @param scale     DECIMAL scale, -1 for other types
 * @param fsp       fractional-second precision of TIME/DATETIME/TIMESTAMP (0..6), -1 for other types
 * @param unsigned  UNSIGNED (or ZEROFILL, which implies it)
 * @param charset   the character set of a text column ({@code utf8mb4}, {@code latin1}, {@code binary} for
 *                  BINARY/VARBINARY/BLOB); {@code null} for non-text columns and when not known
 * @param collation the collation of a text column; {@code null} when not known or not text
 * @param labels    the ENUM or SET values in order; empty for other types
 * @param nullable  whether NULL is allowed
 *
 * <p>Immutable and thread-safe.
 */
public record ColumnDefinition(
        String name,
        String dataType,
        int length,
        int precision,
        int scale,
        int fsp,
        boolean unsigned,
        String charset,
        String collation,
        List<String> labels,
        boolean nullable) {

    public ColumnDefinition {
        Objects.requireNonNull(name, "name");
        dataType = dataType.toLowerCase(Locale.ROOT);
        charset = charset == null ? null : charset.toLowerCase(Locale.ROOT);
        collation = collation == null ? null : collation.toLowerCase(Locale.ROOT);
        labels = List.copyOf(labels);
    }

    /**
     * A column as {@code information_schema.COLUMNS} describes it: its {@code COLUMN_TYPE} ({@code int(10) unsigned},
     * {@code enum('a','b')}, {@code datetime(3)}), {@code CHARACTER_SET_NAME} and {@code COLLATION_NAME} (null for
     * non-text columns; BINARY, VARBINARY and the BLOBs get {@code binary}).
     *
     * <p>A type this library does not know keeps its name as the data type; no TABLE_MAP matches it.
     */
    public static ColumnDefinition ofColumnType(
            String name, String columnType, String charset, String collation, boolean nullable) {
        ColumnTypeParser.Spec spec;
        try {
            spec = ColumnTypeParser.parseColumnType(columnType);
        } catch (DdlSyntaxException e) {
            // a type this library does not know: kept by name, so that the TABLE_MAP check refuses it
            spec = new ColumnTypeParser.Spec();
            spec.dataType = columnType.split("[ (]", 2)[0];
        }
        spec.nullable = nullable;
        spec.charset = charset != null ? Charsets.normalize(charset) : spec.charset;
        spec.collation = collation != null ? collation : spec.collation;
        if (spec.charset == null && !spec.dataType.equals("json")) {
            spec.charset = switch (spec.dataType) {
                case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> "binary";
                default -> null;
            };
        }
        return spec.toColumn(name);
    }

    /** This column under another name. */
    public ColumnDefinition withName(String newName) {
        return new ColumnDefinition(
                newName, dataType, length, precision, scale, fsp, unsigned, charset, collation, labels, nullable);
    }

    /** This column with another type name (CONVERT TO CHARACTER SET can make a TEXT a MEDIUMTEXT). */
    ColumnDefinition withDataType(String newType, int newLength) {
        return new ColumnDefinition(
                name, newType, newLength, precision, scale, fsp, unsigned, charset, collation, labels, nullable);
    }

    /** This column with another character set and collation. */
    public ColumnDefinition withCharset(String newCharset, String newCollation) {
        return new ColumnDefinition(
                name, dataType, length, precision, scale, fsp, unsigned, newCharset, newCollation, labels, nullable);
    }

    /** Whether the type holds text in a character set (CHAR, VARCHAR, the TEXT types, ENUM, SET). */
    public boolean isText() {
        return switch (dataType) {
            case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set" -> true;
            default -> false;
        };
    }

    /** The declaration as SQL would write it, for messages: {@code varchar(10) utf8mb4}, {@code int unsigned}. */
    public String describe() {
        StringBuilder b = new StringBuilder(dataType);
        if (precision >= 0) {
            b.append('(').append(precision).append(',').append(scale).append(')');
        } else if (length >= 0) {
            b.append('(').append(length).append(')');
        } else if (fsp > 0) {
            b.append('(').append(fsp).append(')');
        } else if (!labels.isEmpty()) {
            b.append('(').append(labels.size()).append(labels.size() == 1 ? " value)" : " values)");
        }
        if (unsigned) {
            b.append(" unsigned");
        }
        if (charset != null) {
            b.append(' ').append(charset);
        }
        return b.toString();
    }
}
