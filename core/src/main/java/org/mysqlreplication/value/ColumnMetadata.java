package org.mysqlreplication.value;

import org.mysqlreplication.io.ByteReader;

/**
 * Reads the per-column metadata block of a TABLE_MAP event and interprets the packed {@code int}s it yields.
 *
 * <p>How each type's metadata is packed into one {@code int} (the same packing as the servers' own
 * {@code table_def} in {@code sql/rpl_utility.cc}, so the bit arithmetic of their sources applies unchanged):
 * <table>
 * <caption>metadata per type</caption>
 * <tr><th>type</th><th>bytes</th><th>int</th></tr>
 * <tr><td>FLOAT, DOUBLE</td><td>1</td><td>pack length (4, 8)</td></tr>
 * <tr><td>TINY_BLOB, BLOB, MEDIUM_BLOB, LONG_BLOB, GEOMETRY, JSON, VECTOR</td><td>1</td>
 *     <td>width in bytes of the value's length prefix, 1..4</td></tr>
 * <tr><td>TIMESTAMP2, DATETIME2, TIME2</td><td>1</td><td>fractional-second precision (fsp) 0..6</td></tr>
 * <tr><td>VARCHAR, VAR_STRING</td><td>2</td><td>little-endian: the maximum length in bytes</td></tr>
 * <tr><td>BIT</td><td>2</td><td>{@code bytes << 8 | bits}: first byte = length in bits mod 8 (low byte),
 *     second byte = whole bytes (high byte); total bits = {@code 8 * (meta >> 8) + (meta & 0xFF)}</td></tr>
 * <tr><td>NEWDECIMAL</td><td>2</td><td>{@code precision << 8 | scale} (first byte is the precision)</td></tr>
 * <tr><td>STRING, ENUM, SET</td><td>2</td><td>{@code byte0 << 8 | byte1} as written; see {@link #realType}
 *     and {@link #stringMaxLength}</td></tr>
 * <tr><td>every other type</td><td>0</td><td>0 (for TIME, DATETIME, TIMESTAMP a caller may put the column's
 *     fractional precision here from {@code information_schema}; see {@link ValueDecoder})</td></tr>
 * </table>
 *
 * <p>STRING metadata: {@code byte0} is the real type (STRING, ENUM, SET) and {@code byte1} the length
 * (pack length 1/2 for ENUM, 1..8 for SET, maximum byte length for CHAR). A CHAR longer than 255 bytes
 * (e.g. CHAR(100) in utf8mb4 = 400 bytes) keeps bits 8 and 9 of its length in bits 4 and 5 of {@code byte0},
 * inverted: the server writes {@code byte0 = STRING ^ ((length & 0x300) >> 4)}, so when
 * {@code (byte0 & 0x30) != 0x30} the real type is {@code byte0 | 0x30} and the length is
 * {@code byte1 | (((byte0 & 0x30) ^ 0x30) << 4)}.
 *
 * <p>VAR_STRING (253) never appears as a top-level TABLE_MAP type from MySQL or MariaDB (old VARCHARs are
 * written as STRING with real type VAR_STRING); if it does, it is read like VARCHAR, as most peers do.
 *
 * <p>Stateless and thread-safe.
 */
public final class ColumnMetadata {

    private ColumnMetadata() {}

    /**
     * Reads one metadata {@code int} per column from {@code in}, positioned just after the block's
     * length-encoded length. The caller checks that exactly the block was consumed (slice the block and test
     * {@code remaining() == 0}).
     *
     * @throws UnsupportedColumnTypeException for a type whose metadata size is not known (TYPED_ARRAY,
     *                                        INVALID, BOOL)
     */
    public static int[] read(ByteReader in, ColumnType[] types) {
        int[] meta = new int[types.length];
        for (int i = 0; i < types.length; i++) {
            meta[i] = readOne(in, types[i]);
        }
        return meta;
    }

    private static int readOne(ByteReader in, ColumnType type) {
        switch (type) {
            case FLOAT:
            case DOUBLE:
            case TINY_BLOB:
            case BLOB:
            case MEDIUM_BLOB:
            case LONG_BLOB:
            case GEOMETRY:
            case JSON:
            case VECTOR:
            case TIMESTAMP2:
            case DATETIME2:
            case TIME2:
                return in.readUint8();
            case VARCHAR:
            case VAR_STRING:
            case BIT:
                return in.readUint16();
            case NEWDECIMAL:
            case STRING:
            case ENUM:
            case SET:
                return in.readUint8() << 8 | in.readUint8();
            case TYPED_ARRAY:
            case INVALID:
            case BOOL:
                throw new UnsupportedColumnTypeException(type, "its TABLE_MAP metadata size is not defined");
            default:
                return 0;
        }
    }

    /**
     * The type a column's values are really stored as: for STRING/ENUM/SET the real type in the metadata's
     * high byte (ENUM, SET, STRING, or VAR_STRING for pre-5.0 VARCHARs), else {@code type} itself.
     *
     * @throws InvalidColumnValueException when a STRING's real-type byte is not a string, ENUM or SET type
     */
    public static ColumnType realType(ColumnType type, int meta) {
        if (type != ColumnType.STRING && type != ColumnType.ENUM && type != ColumnType.SET) {
            return type;
        }
        int byte0 = meta >> 8 & 0xFF;
        if (byte0 == 0 && type != ColumnType.STRING) {
            return type; // ENUM/SET given directly with only a pack length
        }
        int code = (byte0 & 0x30) != 0x30 ? byte0 | 0x30 : byte0;
        ColumnType real = ColumnType.ofCode(code);
        if (real != ColumnType.STRING
                && real != ColumnType.VAR_STRING
                && real != ColumnType.ENUM
                && real != ColumnType.SET) {
            throw new InvalidColumnValueException(
                    type,
                    "metadata real type byte 0x" + Integer.toHexString(byte0)
                            + " is not STRING, VAR_STRING, ENUM or SET");
        }
        return real;
    }

    /**
     * The length part of STRING/ENUM/SET metadata: the maximum byte length of a CHAR (up to 1023, see the
     * class comment), or the pack length of an ENUM (1, 2) or SET (1..8).
     */
    public static int stringMaxLength(int meta) {
        int byte0 = meta >> 8 & 0xFF;
        int byte1 = meta & 0xFF;
        if (byte0 != 0 && (byte0 & 0x30) != 0x30) {
            return byte1 | ((byte0 & 0x30) ^ 0x30) << 4;
        }
        return byte1;
    }

    /** NEWDECIMAL precision from its metadata. */
    public static int decimalPrecision(int meta) {
        return meta >> 8 & 0xFF;
    }

    /** NEWDECIMAL scale from its metadata. */
    public static int decimalScale(int meta) {
        return meta & 0xFF;
    }

    /** BIT length in bits from its metadata. */
    public static int bitLength(int meta) {
        return 8 * (meta >> 8 & 0xFF) + (meta & 0xFF);
    }
}
