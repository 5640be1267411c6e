package org.mysqlreplication.schema;

import org.mysqlreplication.value.ColumnMetadata;
import org.mysqlreplication.value.ColumnType;

/**
 * Whether a declared column type is what a TABLE_MAP column's type code and metadata say, following how the
 * servers write each type to the binlog ({@code Field::binlog_type()} and {@code save_field_metadata()} in MySQL's
 * and MariaDB's {@code field.cc}):
 * <ul>
 * <li>ENUM and SET are written as STRING with the real type and the pack length in the metadata (1 or 2 bytes for
 *     an ENUM of up to 255 / 65535 values; {@code (values + 7) / 8} bytes, 8 above 4, for a SET);</li>
 * <li>CHAR and BINARY are STRING with the byte length (characters times the charset's bytes per character);
 *     VARCHAR and VARBINARY are VARCHAR (VAR_STRING accepted too) with the byte length;</li>
 * <li>every TEXT and BLOB type is BLOB with the width of its length prefix (1 TINY, 2, 3 MEDIUM, 4 LONG);
 *     TEXT(n) is the smallest that holds n characters;</li>
 * <li>TIME, DATETIME, TIMESTAMP are TIME2, DATETIME2, TIMESTAMP2 with the fsp, or in MariaDB's old format
 *     (mysql56_temporal_format=OFF, or a table from before 10.1) the old codes with no metadata;</li>
 * <li>JSON is JSON on MySQL and a LONGTEXT (BLOB, 4) on MariaDB; BOOL is TINYINT; the GEOMETRY subtypes are
 *     GEOMETRY (MySQL's optional metadata may name the subtype); MariaDB's INET6 and UUID are a STRING of 16
 *     bytes and INET4 of 4; DATE may come as DATE or NEWDATE.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class BinlogColumnTypes {

    private static final int[] BLOB_MAX = {0, 255, 65_535, 16_777_215};

    private BinlogColumnTypes() {}

    /**
     * Whether {@code d} is what {@code type}/{@code meta} say. {@code maxBytes} is the bytes per character of the
     * column's charset, or -1 when not known (then any of 1..4 is accepted for the byte lengths).
     */
    public static boolean matches(ColumnDefinition d, ColumnType type, int meta, int maxBytes) {
        ColumnType real = realType(type, meta);
        return switch (d.dataType()) {
            case "tinyint" -> type == ColumnType.TINY;
            case "smallint" -> type == ColumnType.SHORT;
            case "mediumint" -> type == ColumnType.INT24;
            case "int" -> type == ColumnType.LONG;
            case "bigint" -> type == ColumnType.LONGLONG;
            case "float" -> type == ColumnType.FLOAT;
            case "double" -> type == ColumnType.DOUBLE;
            case "decimal" ->
                type == ColumnType.NEWDECIMAL
                                && ColumnMetadata.decimalPrecision(meta) == d.precision()
                                && ColumnMetadata.decimalScale(meta) == d.scale()
                        || type == ColumnType.DECIMAL;
            case "bit" -> type == ColumnType.BIT && ColumnMetadata.bitLength(meta) == d.length();
            case "date" -> type == ColumnType.DATE || type == ColumnType.NEWDATE;
            case "time" -> temporal(type, meta, d, ColumnType.TIME2, ColumnType.TIME);
            case "datetime" -> temporal(type, meta, d, ColumnType.DATETIME2, ColumnType.DATETIME);
            case "timestamp" -> temporal(type, meta, d, ColumnType.TIMESTAMP2, ColumnType.TIMESTAMP);
            case "year" -> type == ColumnType.YEAR;
            case "char" ->
                real == ColumnType.STRING && bytes(ColumnMetadata.stringMaxLength(meta), d.length(), maxBytes);
            case "binary" -> real == ColumnType.STRING && ColumnMetadata.stringMaxLength(meta) == d.length();
            case "varchar" -> varchar(type, real, meta) >= 0 && bytes(varchar(type, real, meta), d.length(), maxBytes);
            case "varbinary" -> varchar(type, real, meta) == d.length();
            case "tinytext", "tinyblob" -> blob(type, meta, 1);
            case "text", "blob" ->
                d.length() >= 0 ? textOfLength(type, meta, d.length(), d.dataType(), maxBytes) : blob(type, meta, 2);
            case "mediumtext", "mediumblob" -> blob(type, meta, 3);
            case "longtext", "longblob" -> blob(type, meta, 4);
            case "json" -> type == ColumnType.JSON || blob(type, meta, 4);
            case "enum" ->
                real == ColumnType.ENUM
                        && ColumnMetadata.stringMaxLength(meta) == (d.labels().size() > 255 ? 2 : 1);
            case "set" -> real == ColumnType.SET && ColumnMetadata.stringMaxLength(meta) == setPackLength(d);
            case "geometry",
                    "point",
                    "linestring",
                    "polygon",
                    "multipoint",
                    "multilinestring",
                    "multipolygon",
                    "geometrycollection" -> type == ColumnType.GEOMETRY;
            case "inet6", "uuid" -> real == ColumnType.STRING && ColumnMetadata.stringMaxLength(meta) == 16;
            case "inet4" -> real == ColumnType.STRING && ColumnMetadata.stringMaxLength(meta) == 4;
            case "vector" -> type == ColumnType.VECTOR || type == ColumnType.VARCHAR;
            default -> false;
        };
    }

    /** The real type of a STRING column, or {@code type}; {@code null} when its metadata is not a valid one. */
    static ColumnType realType(ColumnType type, int meta) {
        try {
            return ColumnMetadata.realType(type, meta);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean temporal(ColumnType type, int meta, ColumnDefinition d, ColumnType v2, ColumnType old) {
        return type == v2 && meta == Math.max(0, d.fsp()) || type == old && (meta == 0 || meta == d.fsp());
    }

    /** The byte length of a VARCHAR (or a pre-5.0 VARCHAR as STRING/VAR_STRING), -1 for other types. */
    private static int varchar(ColumnType type, ColumnType real, int meta) {
        if (type == ColumnType.VARCHAR || type == ColumnType.VAR_STRING) {
            return meta;
        }
        return real == ColumnType.VAR_STRING ? ColumnMetadata.stringMaxLength(meta) : -1;
    }

    private static boolean bytes(int binlogBytes, int chars, int maxBytes) {
        if (maxBytes > 0) {
            return binlogBytes == chars * maxBytes;
        }
        for (int k = 1; k <= 4; k++) {
            if (binlogBytes == chars * k) {
                return true;
            }
        }
        return false;
    }

    private static boolean blob(ColumnType type, int meta, int packLength) {
        return (type == ColumnType.BLOB
                        || type == ColumnType.TINY_BLOB
                        || type == ColumnType.MEDIUM_BLOB
                        || type == ColumnType.LONG_BLOB)
                && meta == packLength;
    }

    /** TEXT(n) or BLOB(n): the smallest BLOB type whose maximum holds n characters (bytes for BLOB). */
    private static boolean textOfLength(ColumnType type, int meta, int n, String dataType, int maxBytes) {
        if (dataType.equals("blob")) {
            return blob(type, meta, packLengthFor(n));
        }
        if (maxBytes > 0) {
            return blob(type, meta, packLengthFor((long) n * maxBytes));
        }
        for (int k = 1; k <= 4; k++) {
            if (blob(type, meta, packLengthFor((long) n * k))) {
                return true;
            }
        }
        return false;
    }

    static int packLengthFor(long bytes) {
        for (int p = 1; p < BLOB_MAX.length; p++) {
            if (bytes <= BLOB_MAX[p]) {
                return p;
            }
        }
        return 4;
    }

    static int setPackLength(ColumnDefinition d) {
        int len = (d.labels().size() + 7) / 8;
        return len > 4 ? 8 : len;
    }

    /** What a TABLE_MAP column says, for messages: {@code VARCHAR(80 bytes)}, {@code STRING as ENUM(1 byte)}. */
    public static String describe(ColumnType type, int meta) {
        ColumnType real = realType(type, meta);
        return switch (type) {
            case VARCHAR, VAR_STRING -> type + "(" + meta + " bytes)";
            case NEWDECIMAL ->
                "NEWDECIMAL(" + ColumnMetadata.decimalPrecision(meta) + "," + ColumnMetadata.decimalScale(meta) + ")";
            case BIT -> "BIT(" + ColumnMetadata.bitLength(meta) + ")";
            case TIME2, DATETIME2, TIMESTAMP2 -> type + "(fsp " + meta + ")";
            case BLOB, TINY_BLOB, MEDIUM_BLOB, LONG_BLOB, JSON, GEOMETRY -> type + "(length prefix " + meta + ")";
            case STRING, ENUM, SET ->
                real == null
                        ? type + "(metadata 0x" + Integer.toHexString(meta) + ")"
                        : (real == type ? type.toString() : type + " as " + real) + "("
                                + ColumnMetadata.stringMaxLength(meta)
                                + (real == ColumnType.STRING ? " bytes)" : "-byte values)");
            default -> type.toString();
        };
    }
}
