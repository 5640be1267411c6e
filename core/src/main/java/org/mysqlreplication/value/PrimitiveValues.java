package org.mysqlreplication.value;

import java.math.BigInteger;

/**
 * Integer and floating-point values read straight from a row image's bytes into a {@code long} or
 * {@code double}, without a boxed object: the typed accessors of a lazy row ({@code row.getLong(i)}) use them.
 * This class holds the layouts, which {@link IntegerValues} and {@link FloatingPointValues} read through too:
 * TINY 1, SHORT 2, INT24 3, LONG 4, LONGLONG 8 bytes, little-endian two's complement; YEAR 1 byte, 0 or
 * year - 1900; FLOAT 4 and DOUBLE 8 bytes, IEEE 754 little-endian.
 *
 * <p>Stateless and thread-safe.
 */
public final class PrimitiveValues {

    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private PrimitiveValues() {}

    /** The size of a value of an integer or floating-point column. */
    static int size(ColumnDef def) {
        switch (def.type()) {
            case TINY:
            case YEAR:
                return 1;
            case SHORT:
                return 2;
            case INT24:
                return 3;
            case LONG:
            case FLOAT:
                return 4;
            case LONGLONG:
            case DOUBLE:
                return 8;
            default:
                throw new IllegalArgumentException("not an integer or floating-point type: " + def.type());
        }
    }

    /** Whether {@link #readLong} reads this column: TINY, SHORT, INT24, LONG, LONGLONG (signed or not), YEAR. */
    public static boolean isInteger(ColumnDef def) {
        switch (def.type()) {
            case TINY:
            case SHORT:
            case INT24:
            case LONG:
            case LONGLONG:
            case YEAR:
                return true;
            default:
                return false;
        }
    }

    /** Whether {@link #readDouble} reads this column: FLOAT, DOUBLE. */
    public static boolean isFloatingPoint(ColumnDef def) {
        return def.type() == ColumnType.FLOAT || def.type() == ColumnType.DOUBLE;
    }

    /**
     * The integer at {@code a[off]}, exact: unsigned values are widened, YEAR is the year (0 for the zero year).
     * The caller checks {@link #isInteger} and that the value's bytes are in the array.
     *
     * @throws ArithmeticException for a BIGINT UNSIGNED above {@link Long#MAX_VALUE}
     */
    public static long readLong(byte[] a, int off, ColumnDef def) {
        boolean unsigned = def.unsigned();
        switch (def.type()) {
            case TINY:
                return unsigned ? a[off] & 0xFF : a[off];
            case SHORT:
                int s = (a[off] & 0xFF) | (a[off + 1] & 0xFF) << 8;
                return unsigned ? s : (short) s;
            case INT24:
                int m = (a[off] & 0xFF) | (a[off + 1] & 0xFF) << 8 | (a[off + 2] & 0xFF) << 16;
                return unsigned ? m : m << 8 >> 8;
            case LONG:
                int i = int32(a, off);
                return unsigned ? i & 0xFFFF_FFFFL : i;
            case LONGLONG:
                long l = int32(a, off) & 0xFFFF_FFFFL | (long) int32(a, off + 4) << 32;
                if (unsigned && l < 0) {
                    throw new ArithmeticException("BIGINT UNSIGNED value above Long.MAX_VALUE");
                }
                return l;
            case YEAR:
                int y = a[off] & 0xFF;
                return y == 0 ? 0 : 1900 + y;
            default:
                throw new IllegalArgumentException("not an integer type: " + def.type());
        }
    }

    /**
     * The integer or floating-point value at {@code a[off]} boxed as {@link ValueDecoder} gives it: Integer,
     * Long (unsigned INT, BIGINT), BigInteger (BIGINT UNSIGNED above {@link Long#MAX_VALUE}), Float, Double.
     * The caller checks {@link #isInteger} or {@link #isFloatingPoint}.
     */
    public static Object boxed(byte[] a, int off, ColumnDef def) {
        switch (def.type()) {
            case FLOAT:
                return Float.intBitsToFloat(int32(a, off));
            case DOUBLE:
                return readDouble(a, off, def);
            case LONG:
                return def.unsigned() ? (Object) readLong(a, off, def) : (Object) int32(a, off);
            case LONGLONG:
                long l = int32(a, off) & 0xFFFF_FFFFL | (long) int32(a, off + 4) << 32;
                return def.unsigned() && l < 0 ? BigInteger.valueOf(l).add(TWO_TO_64) : (Object) l;
            default:
                return (int) readLong(a, off, def);
        }
    }

    /** The FLOAT (widened) or DOUBLE at {@code a[off]}. The caller checks {@link #isFloatingPoint}. */
    public static double readDouble(byte[] a, int off, ColumnDef def) {
        if (def.type() == ColumnType.FLOAT) {
            return Float.intBitsToFloat(int32(a, off));
        }
        return Double.longBitsToDouble(int32(a, off) & 0xFFFF_FFFFL | (long) int32(a, off + 4) << 32);
    }

    private static int int32(byte[] a, int off) {
        return (a[off] & 0xFF) | (a[off + 1] & 0xFF) << 8 | (a[off + 2] & 0xFF) << 16 | (a[off + 3] & 0xFF) << 24;
    }
}
