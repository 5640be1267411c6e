package org.mysqlreplication.value;

import java.math.BigInteger;
import org.mysqlreplication.io.ByteReader;

/**
 * Integer columns (little-endian, two's complement): TINY 1, SHORT 2, INT24 3, LONG 4, LONGLONG 8 bytes; and
 * YEAR (1 byte, 0 or year - 1900).
 *
 * <p>Results: {@link Integer} for TINY/SHORT/INT24 (signed or unsigned) and signed LONG; {@link Long} for
 * unsigned LONG and LONGLONG; unsigned LONGLONG above {@link Long#MAX_VALUE} becomes {@link BigInteger}.
 * YEAR gives an {@link Integer}: 0 for the zero year, else 1901..2155.
 *
 * <p>Stateless and thread-safe.
 */
final class IntegerValues {

    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private IntegerValues() {
    }

    static Object decode(ByteReader in, ColumnDef def) {
        boolean unsigned = def.unsigned();
        switch (def.type()) {
            case TINY:
                return unsigned ? in.readUint8() : in.readInt8();
            case SHORT:
                return unsigned ? in.readUint16() : in.readInt16();
            case INT24:
                return unsigned ? in.readUint24() : in.readInt24();
            case LONG:
                return unsigned ? (Object) in.readUint32() : (Object) in.readInt32();
            case LONGLONG:
                return longlong(in.readInt64(), unsigned);
            case YEAR:
                int y = in.readUint8();
                return y == 0 ? 0 : 1900 + y;
            default:
                throw new IllegalArgumentException("not an integer type: " + def.type());
        }
    }

    private static Object longlong(long v, boolean unsigned) {
        if (unsigned && v < 0) {
            return unsignedLongLong(v);
        }
        return v;
    }

    /** A BIGINT UNSIGNED whose 64 bits read as a negative {@code long}. */
    static BigInteger unsignedLongLong(long v) {
        return BigInteger.valueOf(v).add(TWO_TO_64);
    }
}
