package org.mysqlreplication.value;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The common values read from a row image's bytes in place, as numbers, for writers that format values straight
 * from the binlog without a Java object per value (the JSON lines writer). Each method handles the plain case of
 * its type and says when a value is not one ({@link #NOT_PLAIN}): the caller then decodes it with
 * {@link ValueDecoder}, which gives the value, an {@link MysqlDateTime} or {@link UndecodedText}, or the error. So a
 * value read here is always the one {@link ValueDecoder} gives, in another form; the layouts are those of the
 * family classes ({@link DecimalValues}, {@link TemporalValues}, {@link StringValues}, {@link BlobValues}).
 *
 * <p>The caller passes the bytes of a whole value (a lazy row's, whose values were delimited when its event was
 * decoded); a value cut short reads past the array.
 *
 * <p>Stateless and thread-safe.
 */
public final class RawValues {

    /** What a method returns for a value that is not its plain case: {@link Long#MIN_VALUE}, which none is. */
    public static final long NOT_PLAIN = Long.MIN_VALUE;

    /** The text encodings {@link #textEncoding} tells apart. */
    public enum TextEncoding {
        /** utf8mb3 or utf8mb4: a valid value's bytes are its UTF-8. */
        UTF8,
        /** MySQL's latin1 (cp1252): bytes below 0x80 are ASCII, 0xA0..0xFF the code points U+00A0..U+00FF. */
        LATIN1,
        /** Not text, or text in another charset. */
        OTHER
    }

    private static final Charset CP1252 = Charset.forName("windows-1252");

    private RawValues() {}

    /**
     * The encoding of a column's text values: {@link TextEncoding#UTF8} or {@link TextEncoding#LATIN1} for a
     * VARCHAR, CHAR or TEXT (BLOB type) column of that charset, {@link TextEncoding#OTHER} for anything else
     * (binary, unknown collation, ENUM, SET, JSON, GEOMETRY, other charsets).
     */
    public static TextEncoding textEncoding(ColumnDef def) {
        switch (def.type()) {
            case VARCHAR:
            case VAR_STRING:
            case TINY_BLOB:
            case MEDIUM_BLOB:
            case LONG_BLOB:
            case BLOB:
                break;
            case STRING:
                if (ColumnMetadata.realType(def.type(), def.meta()) != ColumnType.STRING) {
                    return TextEncoding.OTHER;
                }
                break;
            default:
                return TextEncoding.OTHER;
        }
        Charset cs = Collations.charsetOrNull(def.collationId());
        if (def.collationId() == ColumnDef.BINARY_COLLATION || cs == null) {
            return TextEncoding.OTHER;
        }
        return cs.equals(StandardCharsets.UTF_8)
                ? TextEncoding.UTF8
                : cs.equals(CP1252) ? TextEncoding.LATIN1 : TextEncoding.OTHER;
    }

    /**
     * Where the bytes of a length-prefixed value lie (VARCHAR, CHAR, the BLOB family, JSON, GEOMETRY, VECTOR: the
     * types whose {@link ValueLengths#fixed} is {@link ValueLengths#VARIABLE}): the prefix read (VARCHAR 1 or 2 bytes
     * by the column's maximum length, CHAR likewise, the others the metadata's 1..4), the result is
     * {@code length << 32 | start}, {@code start} the index in {@code a} of the first byte after the prefix.
     */
    public static long lengthPrefixed(byte[] a, int off, ColumnDef def) {
        int width = ValueDecoder.lengthPrefixWidth(def);
        if (width == 0) {
            width = StringValues.lengthWidth(def);
        }
        long length = 0;
        for (int i = width - 1; i >= 0; i--) {
            length = length << 8 | (a[off + i] & 0xFF);
        }
        return length << 32 | (off + width);
    }

    /** How many bytes the value at {@code a[off]} takes, its length prefix included. */
    public static int size(byte[] a, int off, ColumnDef def) {
        int fixed = ValueLengths.fixed(def);
        if (fixed != ValueLengths.VARIABLE) {
            return fixed;
        }
        long where = lengthPrefixed(a, off, def);
        return (int) where - off + (int) (where >>> 32);
    }

    /**
     * A NEWDECIMAL value of at most 18 digits as its unscaled value ({@code 12.34} in a DECIMAL(4,2) is 1234), its
     * scale the column's ({@link ColumnMetadata#decimalScale}); {@link #NOT_PLAIN} for a column of more digits.
     *
     * @throws InvalidColumnValueException when a digit group holds a number of more digits
     */
    public static long decimalUnscaled(byte[] a, int off, ColumnDef def) {
        return DecimalValues.unscaledLong(a, off, def);
    }

    /**
     * A DATETIME2 value that is a valid date-time (what {@link ValueDecoder} gives as a {@link java.time.LocalDateTime}),
     * its fields packed as {@code year << 46 | month << 42 | day << 37 | hour << 32 | minute << 26 | second << 20 |
     * microseconds}; {@link #NOT_PLAIN} for a zero or invalid one.
     *
     * @throws InvalidColumnValueException for a value whose layout is broken
     */
    public static long dateTime2(byte[] a, int off, ColumnDef def) {
        return TemporalValues.plainDateTime2(a, off, TemporalValues.fsp(def));
    }

    /**
     * Field {@code i} of the packed date-time fields of {@link #dateTime2}: 0 year, 1 month, 2 day, 3 hour, 4
     * minute, 5 second, 6 microseconds.
     */
    public static int dateTimeField(long fields, int i) {
        return TemporalValues.field(fields, i);
    }

    /**
     * A TIMESTAMP2 value as microseconds since 1970-01-01 UTC; {@link #NOT_PLAIN} for the zero timestamp.
     *
     * @throws InvalidColumnValueException for a fraction out of range
     */
    public static long timestamp2Micros(byte[] a, int off, ColumnDef def) {
        return TemporalValues.timestamp2Micros(a, off, TemporalValues.fsp(def));
    }
}
