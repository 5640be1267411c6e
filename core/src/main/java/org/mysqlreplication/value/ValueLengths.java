package org.mysqlreplication.value;

import org.mysqlreplication.io.ByteReader;

/**
 * How many bytes one non-NULL value of a column takes in a row image, without decoding it: what a lazy row
 * needs to find where each value starts. The sizes are those {@link ValueDecoder} consumes, type by type (the
 * family classes document the layouts); a test over every fixture checks that both agree.
 *
 * <p>Fixed-size types have their size in {@link #fixed(ColumnDef)}; the others (VARCHAR, CHAR, the BLOB
 * family) begin with a length prefix that {@link #skipVariable(ByteReader, ColumnDef)} reads.
 *
 * <p>Stateless and thread-safe.
 */
public final class ValueLengths {

    /** {@link #fixed(ColumnDef)} of a type whose values begin with a length prefix. */
    public static final int VARIABLE = -1;

    private static final int[] MARIADB_DATETIME_BYTES = {8, 6, 6, 7, 7, 7, 8};
    private static final int[] MARIADB_TIME_BYTES = {3, 4, 4, 5, 5, 5, 6};
    private static final int[] MARIADB_TIMESTAMP_BYTES = {4, 5, 5, 6, 6, 7, 7};

    private ValueLengths() {
    }

    /**
     * The size of every value of the column, or {@link #VARIABLE}.
     *
     * @throws InvalidColumnValueException    when the metadata breaks the type's rules (a DECIMAL precision
     *                                        above 65, an fsp above 6, ...), as decoding would
     * @throws UnsupportedColumnTypeException for a type whose values cannot be delimited
     */
    public static int fixed(ColumnDef def) {
        int meta = def.meta();
        switch (def.type()) {
            case TINY:
            case YEAR:
                return 1;
            case SHORT:
                return 2;
            case INT24:
            case DATE:
            case NEWDATE:
                return 3;
            case LONG:
            case FLOAT:
                return 4;
            case LONGLONG:
            case DOUBLE:
                return 8;
            case NEWDECIMAL:
                return decimal(meta);
            case TIME:
                return legacyOrMariadb(def, MARIADB_TIME_BYTES);
            case DATETIME:
                return legacyOrMariadb(def, MARIADB_DATETIME_BYTES);
            case TIMESTAMP:
                return legacyOrMariadb(def, MARIADB_TIMESTAMP_BYTES);
            case TIME2:
                return 3 + fraction(def);
            case DATETIME2:
                return 5 + fraction(def);
            case TIMESTAMP2:
                return 4 + fraction(def);
            case BIT:
                return bit(meta);
            case STRING:
            case ENUM:
            case SET:
                return stringOrEnumOrSet(def);
            case NULL:
                return 0;
            case VARCHAR:
            case VAR_STRING:
            case TINY_BLOB:
            case MEDIUM_BLOB:
            case LONG_BLOB:
            case BLOB:
            case GEOMETRY:
            case JSON:
            case VECTOR:
                blobPrefixCheck(def);
                return VARIABLE;
            case DECIMAL:
                throw new UnsupportedColumnTypeException(def.type(), ValueDecoder.OLD_DECIMAL_REASON);
            default:
                throw new UnsupportedColumnTypeException(def.type(), ValueDecoder.NO_LAYOUT_REASON);
        }
    }

    /**
     * Moves {@code in} past one value of a {@link #VARIABLE} column: its length prefix and that many bytes.
     *
     * @throws org.mysqlreplication.io.ByteReaderOverrunException when the value runs past the input
     */
    public static void skipVariable(ByteReader in, ColumnDef def) {
        long length;
        switch (def.type()) {
            case VARCHAR:
            case VAR_STRING:
                length = def.meta() < 256 ? in.readUint8() : in.readUint16();
                break;
            case STRING:
                length = ColumnMetadata.stringMaxLength(def.meta()) > 255 ? in.readUint16() : in.readUint8();
                break;
            default:
                length = in.readUintN(def.meta());
                break;
        }
        in.skip(length > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) length);
    }

    private static int decimal(int meta) {
        int precision = ColumnMetadata.decimalPrecision(meta);
        int scale = ColumnMetadata.decimalScale(meta);
        if (precision < 1 || precision > 65 || scale > precision) {
            throw new InvalidColumnValueException(ColumnType.NEWDECIMAL, "metadata must give 1 <= precision <= 65"
                    + " and scale <= precision, found precision " + precision + " scale " + scale);
        }
        return DecimalValues.binarySize(precision, scale);
    }

    /** TIME, DATETIME, TIMESTAMP: the pre-5.6.4 sizes with meta 0, MariaDB's fractional format with 1..6. */
    private static int legacyOrMariadb(ColumnDef def, int[] sizes) {
        int dec = def.meta();
        if (dec < 0 || dec > 6) {
            throw new InvalidColumnValueException(def.type(), "fractional-second precision must be 1..6, found "
                    + dec);
        }
        return sizes[dec];
    }

    private static int fraction(ColumnDef def) {
        int fsp = def.meta();
        if (fsp < 0 || fsp > 6) {
            throw new InvalidColumnValueException(def.type(), "fractional-second precision (metadata) must be "
                    + "0..6, found " + fsp);
        }
        return (fsp + 1) / 2;
    }

    private static int bit(int meta) {
        int partial = meta & 0xFF;
        int bits = ColumnMetadata.bitLength(meta);
        if (partial > 7 || bits < 1 || bits > 64) {
            throw new InvalidColumnValueException(ColumnType.BIT, "metadata must give 1..64 bits with at most 7 in "
                    + "the partial byte, found " + bits + " bits, " + partial + " partial");
        }
        return (bits + 7) / 8;
    }

    private static int stringOrEnumOrSet(ColumnDef def) {
        int length = ColumnMetadata.stringMaxLength(def.meta());
        switch (ColumnMetadata.realType(def.type(), def.meta())) {
            case ENUM:
                if (length != 1 && length != 2) {
                    throw new InvalidColumnValueException(ColumnType.ENUM, "pack length must be 1 or 2, found "
                            + length);
                }
                return length;
            case SET:
                if (length < 1 || length > 8) {
                    throw new InvalidColumnValueException(ColumnType.SET, "pack length must be 1..8, found "
                            + length);
                }
                return length;
            default:
                return VARIABLE;
        }
    }

    private static void blobPrefixCheck(ColumnDef def) {
        if (def.type() != ColumnType.VARCHAR && def.type() != ColumnType.VAR_STRING) {
            BlobValues.prefixWidth(def);
        }
    }
}
